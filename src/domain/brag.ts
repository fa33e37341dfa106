/** The status scheme every programme maps its own words onto. */
export const BRAG = ['blue', 'green', 'amber', 'red', 'grey'] as const;
export type Brag = (typeof BRAG)[number];

export const BRAG_LABEL: Record<Brag, string> = {
  blue: 'Complete',
  green: 'On track',
  amber: 'Some concerns',
  red: 'Off track',
  grey: 'Not started',
};
