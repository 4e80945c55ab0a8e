/**
 * Publishers whose ClaimReview data the importer takes. A small, hand-picked
 * list of well-known fact-checkers (most are IFCN signatories; check the
 * current list at https://ifcncodeofprinciples.poynter.org/signatories before
 * adding one). It is NOT complete and NOT an endorsement: anything else is
 * skipped and can still be added by hand.
 *
 * A host matches itself and its subdomains: "afp.com" covers
 * "factcheck.afp.com", "politifact.com" covers "www.politifact.com".
 * `name` is used only when a record names no publisher.
 */
export interface Publisher {
  host: string;
  name: string;
}

export const FACT_CHECKERS: readonly Publisher[] = [
  { host: 'fullfact.org', name: 'Full Fact' },
  { host: 'politifact.com', name: 'PolitiFact' },
  { host: 'factcheck.org', name: 'FactCheck.org' },
  { host: 'snopes.com', name: 'Snopes' },
  { host: 'apnews.com', name: 'AP' },
  { host: 'reuters.com', name: 'Reuters' },
  { host: 'afp.com', name: 'AFP' },
  { host: 'channel4.com', name: 'Channel 4 News FactCheck' },
  { host: 'bbc.co.uk', name: 'BBC' },
  { host: 'maldita.es', name: 'Maldita.es' },
  { host: 'newtral.es', name: 'Newtral' },
  { host: 'chequeado.com', name: 'Chequeado' },
  { host: 'colombiacheck.com', name: 'Colombiacheck' },
  { host: 'aosfatos.org', name: 'Aos Fatos' },
  { host: 'lupa.uol.com.br', name: 'Agência Lupa' },
  { host: 'washingtonpost.com', name: 'The Washington Post' },
  { host: 'usatoday.com', name: 'USA Today' },
  { host: 'leadstories.com', name: 'Lead Stories' },
  { host: 'misbar.com', name: 'Misbar' },
  { host: 'correctiv.org', name: 'CORRECTIV' },
];

/** The allow-list entry covering `host`, if any. */
export function findPublisher(host: string, allow: readonly Publisher[] = FACT_CHECKERS): Publisher | undefined {
  const h = host.toLowerCase().replace(/\.$/, '');
  return allow.find((p) => h === p.host || h.endsWith(`.${p.host}`));
}
