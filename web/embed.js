// The embedding example's own script: listens to the dashboard's report event, as a host
// application would (e.g. to store which offers the merchant retired).
document.querySelector('basketlift-dashboard').addEventListener('basketlift-report', (event) => {
  const report = event.detail;
  document.getElementById('embed-status').textContent =
    `Last analysis: ${report.summary.orders.toLocaleString()} orders, ${report.alerts.alerts.length} alerts.`;
});
