import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Decimation,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  TimeScale,
  Tooltip,
} from 'chart.js';
// Teaches Chart.js's time axis to read and write dates with date-fns (already the app's date library).
import 'chartjs-adapter-date-fns';

/**
 * The parts of Chart.js the progress charts use, registered once. Only the
 * chart components import this file, and only the dashboard's route imports
 * them, so Chart.js stays out of the first screen's bundle.
 */
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, TimeScale, Legend, Tooltip, Filler, Decimation);

// The app's own type: a chart should read like the text around it.
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";
Chart.defaults.font.size = 14;
