// The default rating scale. Colours carry white text at a contrast of at least 4.5:1.
export const defaultRatings = [
  {
    label: 'True',
    value: 5,
    colour: '#1a7f37',
    description: 'The statement is accurate and nothing significant is missing.',
  },
  {
    label: 'Mostly true',
    value: 4,
    colour: '#4d7c0f',
    description: 'The statement is accurate but needs clarification or additional information.',
  },
  {
    label: 'Half true',
    value: 3,
    colour: '#8a5a00',
    description: 'The statement is partially accurate but leaves out important details or takes things out of context.',
  },
  {
    label: 'Mostly false',
    value: 2,
    colour: '#b4410b',
    description:
      'The statement contains an element of truth but ignores critical facts that would give a different impression.',
  },
  { label: 'False', value: 1, colour: '#b91c1c', description: 'The statement is not accurate.' },
  {
    label: 'Misleading',
    value: null,
    colour: '#7e22ce',
    description: 'The statement uses accurate facts in a way that gives a false impression.',
  },
  {
    label: 'Missing context',
    value: null,
    colour: '#1d4ed8',
    description: 'The statement may mislead without additional context.',
  },
  {
    label: 'Unverifiable',
    value: null,
    colour: '#4b5563',
    description: 'The available evidence can neither prove nor disprove the statement.',
  },
] as const;
