// Messages of the proposals page (proposals, ballots, delegation, results, outside panels), by language; messages.js merges them into the catalogue.

export default {
  en: {
  },
  pt: {
  },
};
