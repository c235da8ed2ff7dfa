// Messages of the citizen's everyday web experience (the page frame's extras, the not-found page, bringing a key in,
// the inbox, the glossary, words for people), by language; messages.js merges them into the catalogue.

export default {
  en: {
    'toTop': 'Back to the top',
    'notFound.pageTitle': 'Page not found · {name}',
    'notFound.eyebrow': 'Error 404',
    'notFound.title': 'There is no such page',
    'notFound.text': 'The address may be mistyped, or the page has moved. These are the pages of this society:',
    'proposal.status.draftOne': 'Waiting for 1 more sponsor.',
    'challenges.tallyUndrawn': 'No votes yet: the jury has not been drawn.',
    'ledger.title': 'The ledger of record',
    'ballot.qv.budgetRevote': 'You have {left} voice credits left this epoch, and the {refund} your current ballot spent come back when you vote again: {credits} to spend on this ballot. n votes cost n² credits, so at most {most} votes on one option.',
    'table.scroll': '{caption} (scrolls sideways)',
  },
  pt: {
    'toTop': 'Voltar ao topo',
    'notFound.pageTitle': 'Página não encontrada · {name}',
    'notFound.eyebrow': 'Erro 404',
    'notFound.title': 'Esta página não existe',
    'notFound.text': 'O endereço pode ter um erro, ou a página mudou de sítio. Estas são as páginas desta sociedade:',
    'proposal.status.draftOne': 'Falta 1 patrocínio.',
    'challenges.tallyUndrawn': 'Ainda sem votos: o júri não foi sorteado.',
    'ledger.title': 'O registo público',
    'ballot.qv.budgetRevote': 'Restam-lhe {left} créditos de voz nesta época, e os {refund} que o seu boletim atual gastou voltam quando vota de novo: {credits} para gastar neste boletim. n votos custam n² créditos, portanto no máximo {most} votos numa opção.',
    'table.scroll': '{caption} (desloca-se para o lado)',
  },
};
