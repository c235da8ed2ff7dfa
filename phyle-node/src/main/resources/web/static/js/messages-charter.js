// Messages of the charter page (stages, powers, canon) and the draws page (sortition), by language; messages.js merges them into the catalogue.

export default {
  en: {
  },
  pt: {
  },
};
