// Before the first paint: the compact layout for iframes (embed=1), so the page does not jump
// when the app starts. The app reads the link properly (web/src/link.js) and keeps this in step.
if (/[?&]embed=1(&|#|$)/.test(location.search)) document.documentElement.classList.add('embed');
