import insurance from 'virtual:clinic-locator-insurance';
import type { Messages } from '../messages/messages.js';

const plans = new Map(insurance.map((plan) => [plan.id, plan]));

/** An insurance plan's name in the widget's language (the id when it is not in the list). */
export function planLabel(id: string, m: Pick<Messages, 'locale'>): string {
  const plan = plans.get(id);
  if (!plan) return id;
  return m.locale.startsWith('es') ? plan.label_es || plan.label : plan.label;
}
