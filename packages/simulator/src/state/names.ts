/** Word lists for deterministic, readable names. */
export const FIRST_NAMES = [
  'Ana',
  'Ben',
  'Chloe',
  'Dario',
  'Elif',
  'Farid',
  'Greta',
  'Hiro',
  'Ines',
  'Jonas',
  'Kira',
  'Luca',
  'Mina',
  'Nils',
  'Olga',
  'Pavel',
] as const;
export const LAST_NAMES = [
  'Novak',
  'Berg',
  'Costa',
  'Dimitrov',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Horvat',
  'Ito',
  'Jensen',
  'Kovac',
  'Larsen',
] as const;
export const CLIENT_NAMES = [
  'Acme Corp',
  'Globex',
  'Initech',
  'Umbrella',
  'Stark Industries',
  'Wayne Enterprises',
  'Hooli',
  'Vandelay',
] as const;
export const PROJECT_NAMES = [
  'Website Redesign',
  'Mobile App',
  'Data Migration',
  'Marketing Campaign',
  'API Platform',
  'Internal Tools',
  'Onboarding',
  'Research',
] as const;
export const TASK_NAMES = [
  'Design',
  'Development',
  'Code review',
  'Testing',
  'Meetings',
  'Documentation',
  'Deployment',
  'Support',
] as const;
export const TAG_NAMES = ['billable', 'urgent', 'meeting', 'research', 'bugfix', 'overtime', 'remote', 'travel'] as const;
export const DESCRIPTIONS = [
  'Sprint planning',
  'Fixing login bug',
  'Client call',
  'Writing specs',
  'Refactoring',
  'Reviewing PRs',
  'Deploying release',
  'Pairing session',
] as const;
export const COLORS = ['#795548', '#F44336', '#2196F3', '#4CAF50', '#FF9800', '#9C27B0', '#009688', '#607D8B'] as const;
export const TIME_ZONES = ['Europe/Berlin', 'Europe/Belgrade', 'America/New_York', 'Asia/Tokyo'] as const;

/** "Name 2" for the second round through a list, so generated names stay unique. */
export const nth = (list: readonly string[], i: number): string =>
  i < list.length ? (list[i] as string) : `${list[i % list.length]} ${Math.floor(i / list.length) + 1}`;
