import type { EffortRating } from '../../../core/log/session-schema';
import type { spasmDurations, spasmReliefs, spasmTriggers, sleepPositions } from '../../../core/log/spasm-schema';

/** Plain words for every stored choice. */
export const durationLabels: Record<(typeof spasmDurations)[number], string> = {
  'under-1-min': 'Under a minute',
  '1-5-min': '1 to 5 minutes',
  '5-15-min': '5 to 15 minutes',
  '15-60-min': '15 minutes to an hour',
  'over-1-hour': 'More than an hour',
};

export const positionLabels: Record<(typeof sleepPositions)[number], string> = {
  back: 'On my back',
  side: 'On my side',
  stomach: 'On my stomach',
};

export const triggerLabels: Record<(typeof spasmTriggers)[number], string> = {
  'long-sitting': 'Long sitting',
  'heavy-lifting': 'Heavy lifting',
  stress: 'Stress',
  'little-water': 'Little water',
  'caffeine-or-alcohol': 'Caffeine or alcohol',
  'new-mattress-or-pillow': 'New mattress or pillow',
  other: 'Something else',
};

export const reliefLabels: Record<(typeof spasmReliefs)[number], string> = {
  heat: 'Heat',
  cold: 'Cold',
  stretching: 'Stretching',
  massage: 'Massage',
  medication: 'Medication',
  nothing: 'Nothing helped',
};

export const effortLabels: Record<EffortRating, string> = {
  'too-easy': 'Too easy',
  'about-right': 'About right',
  'too-hard': 'Too hard',
};

export const entries = <K extends string>(labels: Record<K, string>) => Object.entries(labels) as [K, string][];
