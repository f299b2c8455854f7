/* MotCua lookup widget (R38): include this script where the box should appear, e.g.
   <script src="https://dichvucong.example.gov.vn/widget.js" data-agency="000.00.06.H99" async></script>
   It inserts an iframe with /widget/tra-cuu; no cookies, no access to the host page. See docs/WIDGET.md. */
(() => {
  var script = document.currentScript;
  if (!script) {
    return;
  }
  var origin = new URL(script.src).origin;
  var agency = script.getAttribute('data-agency') || '';
  var lang = script.getAttribute('data-lang') || '';
  var frame = document.createElement('iframe');
  var query = `?agency=${encodeURIComponent(agency)}${lang ? `&lang=${encodeURIComponent(lang)}` : ''}`;
  frame.src = `${origin}/widget/tra-cuu${query}`;
  frame.title = script.getAttribute('data-title') || 'Tra cứu hồ sơ';
  frame.loading = 'lazy';
  frame.style.width = script.getAttribute('data-width') || '100%';
  frame.style.height = script.getAttribute('data-height') || '560px';
  frame.style.border = '1px solid #c9d3df';
  frame.style.borderRadius = '8px';
  frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
  script.parentNode.insertBefore(frame, script.nextSibling);
})();
