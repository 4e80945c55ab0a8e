declare module 'virtual:claims-index' {
  const index: import('../match/compile').MatchIndex;
  export default index;
}

declare module 'virtual:claims-trigger' {
  const sources: import('../match/page-trigger').TriggerSources;
  export default sources;
}
