declare module 'is-european' {
  /** Membership checks by ISO 3166-1 code (alpha-2, alpha-3 or numeric) or English name. */
  const europe: {
    /** True for a member of the European Union. */
    euMember(country: string | number): boolean;
    /** True for a member of the European Economic Area (the EU, Iceland, Liechtenstein, Norway). */
    eeaMember(country: string | number): boolean;
  };
  export default europe;
}
