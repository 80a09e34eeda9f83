/**
 * The app's safety text, in one place so the safety screen, the "This hurts"
 * dialog and (later) the therapist's report all say the same thing.
 * Plain words, no diagnosis: each red flag leads to "see a clinician".
 */

export interface RedFlag {
  id: string;
  text: string;
}

/** Signs that need a clinician before (or instead of) exercising. */
export const redFlags: RedFlag[] = [
  { id: 'saddle-numbness', text: 'Numbness or tingling around your groin, genitals, buttocks or inner thighs.' },
  { id: 'bladder-bowel', text: 'New trouble passing urine or controlling your bladder or bowel.' },
  { id: 'leg-weakness', text: 'Weakness in a leg or foot that is getting worse, or a foot that drags or slaps.' },
  { id: 'fever', text: 'Back pain together with a fever, chills, or feeling generally unwell.' },
  { id: 'trauma', text: 'Back pain that started after a fall, a car accident or another injury.' },
  { id: 'weight-loss', text: 'Weight loss you cannot explain, or a past history of cancer.' },
  { id: 'night-pain', text: 'Pain that keeps getting worse at night whatever position you lie in, or that wakes you however you rest.' },
];

export const urgentAdvice =
  'If you notice any of these, do not start or continue the exercises. Contact a doctor or physiotherapist today. Numbness around the groin, or new bladder or bowel problems, need emergency care straight away.';

/** The rule that applies during every exercise. */
export const stopRule =
  'Stop the exercise at once if it causes sharp, shooting or spreading pain, or numbness or tingling in a leg. A gentle stretch or mild muscle effort is fine; pain that builds is not.';

export const persistenceAdvice =
  'See a doctor or physiotherapist if your spasms keep coming back, get stronger over a few weeks, or stop you sleeping. This app guides exercises; it does not diagnose or replace a clinician.';

/** Shown after "This hurts". */
export const afterPainAdvice = [
  'Rest in a position that eases it, for example on your back with your knees bent and supported.',
  'Gentle heat may help a muscle spasm settle; cold may help if it follows a strain or injury.',
  'If the pain spreads down a leg, brings numbness or weakness, or does not ease with rest, contact a clinician.',
];
