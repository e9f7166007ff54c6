declare module 'virtual:site-index' {
  const index: import('./integrations/site-index.ts').SiteIndex;
  export default index;
}
