/**
 * Floats the "Scroll to Top" link and shows it only while the page header is out of view.
 * Without IntersectionObserver the link simply stays where it is in the page.
 */
const link = document.querySelector<HTMLElement>('[data-scroll-top]');
const header = document.querySelector('body > header');

if (link && header && 'IntersectionObserver' in window) {
  link.dataset['floating'] = '';
  link.dataset['hidden'] = '';
  new IntersectionObserver(([entry]) => {
    if (entry?.isIntersecting) link.dataset['hidden'] = '';
    else delete link.dataset['hidden'];
  }).observe(header);
}
