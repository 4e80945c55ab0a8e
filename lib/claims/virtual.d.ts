declare module 'virtual:claims-index' {
  const index: import('../match/compile').MatchIndex;
  export default index;
}
