/**
 * The app's safety text, in one place so the safety screen, the "This hurts"
 * dialog and (later) the therapist's report all say the same thing. Plain
 * words, never a diagnosis. Warning signs come in three tiers by urgency,
 * each leading to the right kind of care, and are worded so that an
 * ordinary night spasm (painful, coming and going, easing with a change of
 * position) matches none of the first two. Written from NICE NG59 (low back
 * pain and sciatica) and the NHS pages on back pain and cauda equina syndrome.
 */

export type WarningTierId = 'emergency' | 'today' | 'routine';

export interface WarningSign {
  id: string;
  text: string;
}

export interface WarningTier {
  id: WarningTierId;
  /** What to do, as the tier's heading; the care numbers are filled in by `tierHeading`. */
  signs: WarningSign[];
}

export const warningTiers: WarningTier[] = [
  {
    id: 'emergency',
    signs: [
      { id: 'saddle-numbness', text: 'Numbness or tingling around your groin, genitals or buttocks, or the inside of your thighs.' },
      { id: 'bladder-bowel', text: 'New trouble starting to pass urine or controlling it, or not feeling when your bladder or bowel is full or empty.' },
      { id: 'sexual', text: 'New problems with sex that came with the back pain, such as numbness of the genitals.' },
      { id: 'both-legs', text: 'Weakness or numbness in both legs, or one leg getting weaker quickly (for example a foot that starts to drag).' },
      { id: 'serious-injury', text: 'Back pain after a serious accident or a bad fall, such as a car crash or a fall from a height.' },
    ],
  },
  {
    id: 'today',
    signs: [
      { id: 'fever', text: 'A fever, chills or feeling generally unwell along with your back pain.' },
      { id: 'weight-cancer', text: 'New back pain with weight loss you cannot explain, or with a history of cancer.' },
      { id: 'constant-pain', text: 'Constant pain that no position or movement eases and that keeps getting worse (not spasms that come and go).' },
      { id: 'fragile-bones', text: 'New back pain after a fall or a minor knock if you have osteoporosis (thin bones) or have taken steroid tablets for months.' },
      { id: 'weak-immunity', text: 'New back pain while your immune system is weakened, for example by chemotherapy or medicines after a transplant.' },
      { id: 'back-shape', text: 'A change in the shape of your back, or a swelling on it.' },
    ],
  },
  {
    id: 'routine',
    signs: [
      { id: 'no-better', text: 'Your back is no better after a few weeks of regular exercise, or it is slowly getting worse.' },
      {
        id: 'inflammatory',
        text: 'Back pain and stiffness that began before the age of 45, has lasted more than 3 months, wakes you in the second half of the night and eases as you move about.',
      },
      { id: 'recurring-spasms', text: 'Spasms that keep coming back, or that stop you sleeping on most nights.' },
    ],
  },
];

/** The numbers to name, by where the person is. */
export interface CareNumbers {
  /** The emergency number, or null when the app does not know the region. */
  emergency: string | null;
  /** A phone line for urgent advice that is not an emergency, where one is well known. */
  urgentAdviceLine: string | null;
}

const emergencyByRegion: Record<string, string> = { GB: '999', IE: '112', US: '911', CA: '911', AU: '000', NZ: '111', EU: '112' };
const europeanUnion = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE'];

/** The places Settings offers (the setting `careRegion`), by the words a person would look for. */
export const careRegionNames = {
  GB: 'United Kingdom',
  IE: 'Ireland',
  US: 'United States',
  CA: 'Canada',
  AU: 'Australia',
  NZ: 'New Zealand',
  EU: 'Another country of the European Union',
  other: 'Somewhere else',
} as const;

/** The care numbers of a region: an ISO 3166 code (e.g. from the system's locale "en-GB"), "EU", or anything else for none. */
export function careNumbers(region: string | null | undefined): CareNumbers {
  const code = region?.toUpperCase() ?? '';
  const emergency = emergencyByRegion[code] ?? (europeanUnion.includes(code) ? '112' : null);
  return { emergency, urgentAdviceLine: code === 'GB' ? '111' : null };
}

/** What to do for a tier, with the numbers where the app knows them. */
export function tierHeading(tier: WarningTierId, numbers: CareNumbers): string {
  switch (tier) {
    case 'emergency':
      return numbers.emergency
        ? `Emergency: call ${numbers.emergency} or go to an emergency department now if you have`
        : 'Emergency: call your local emergency number or go to an emergency department now if you have';
    case 'today':
      return numbers.urgentAdviceLine
        ? `See a doctor today (or call ${numbers.urgentAdviceLine} for advice) if you have`
        : 'See a doctor today if you have';
    case 'routine':
      return 'Book an appointment with your doctor or physiotherapist if you have';
  }
}

/** Shown with the tiers: do not exercise with any of the first two. */
export const tiersAdvice = 'With any sign in the first two groups, do not start or carry on the exercises until you have been checked.';

/** The rule that applies during every exercise: the usual pain-monitoring rule. */
export const stopRule =
  'Some discomfort while you exercise is fine: up to about 5 out of 10 is acceptable if your back is back to its usual by the next morning. If it is not, do a little less next time. Stop at once for sharp, shooting or spreading pain, or new numbness or tingling.';

export const persistenceAdvice =
  'Most back pain and spasms settle within a few weeks, and keeping active helps. This app guides exercises; it does not diagnose or replace a doctor or physiotherapist.';

/** Shown after "This hurts". */
export const afterPainAdvice = [
  'Rest in a position that eases it, for example on your back with your knees bent and supported, or on your side with a pillow between your knees.',
  'Gentle heat, such as a warm bath or a hot-water bottle wrapped in a towel, may help a spasm settle. Do not fall asleep on a heat pad or hot-water bottle, and never put heat on skin that feels numb.',
  'Once it eases, move gently again: staying in bed longer tends to slow recovery.',
];
