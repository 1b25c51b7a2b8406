// The scenario pages: the same month, once with <mobilizon-events>, once with FullCalendar fed by a
// JSON feed from the same synthetic instance (so both wait for the same delayed server).
// FullCalendar's month shows at most 3 rows a day, "+N more" included, as the widget's month does.
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** @param {{lib: 'widget'|'fullcalendar', view: 'month'|'list', instance: string, month: string}} o */
export function pageHtml({ lib, view, instance, month }) {
  const head = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${esc(`${lib} ${view}`)}</title>`;
  if (lib === 'widget') {
    const [y, m] = month.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    const range = view === 'month' ? `from="${month}-01"` : view === 'upcoming' ? '' : `from="${month}-01" to="${last}"`;
    return `${head}
<script type="module" src="/dist/mobilizon-embed.js"></script>
</head>
<body>
<mobilizon-events instance="${esc(instance)}" view="${view === 'upcoming' ? 'list' : view}" ${range}></mobilizon-events>
</body>
</html>
`;
  }
  const options = {
    initialView: view === 'month' ? 'dayGridMonth' : 'listMonth',
    initialDate: `${month}-01`,
    events: `${instance}/bench/feed.json`,
    ...(view === 'month' ? { dayMaxEventRows: 3 } : {}),
  };
  return `${head}
</head>
<body>
<div id="calendar"></div>
<script type="module">
import { Calendar, dayGridPlugin, listPlugin } from '/fc/fullcalendar.js';
const options = { plugins: [dayGridPlugin, listPlugin], ...${JSON.stringify(options)} };
window.benchFullCalendar = { Calendar, options };
new Calendar(document.getElementById('calendar'), options).render();
</script>
</body>
</html>
`;
}
