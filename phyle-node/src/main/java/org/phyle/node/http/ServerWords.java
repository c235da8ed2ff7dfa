package org.phyle.node.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The words of the pages rendered for browsers without scripts, in the reader's language: English as written in
 * {@link ServerPages} and the layout, or Portuguese when the browser prefers it ({@code Accept-Language}). The English
 * phrases are replaced with their markup around them ({@code <dt>Standing</dt>}), so that text from the ledger
 * (a name, a title) is never changed. The scripts translate the pages from the message catalogue themselves.
 */
final class ServerWords {
    private static final Map<String, String> PT = new LinkedHashMap<>();

    private ServerWords() {
    }

    private static void pt(String en, String pt) {
        PT.put(en, pt);
    }

    static {
        // the frame
        pt("<html lang=\"en\">", "<html lang=\"pt-PT\">");
        pt("data-i18n=\"skip\">Skip to the content<", "data-i18n=\"skip\">Saltar para o conteúdo<");
        pt("data-i18n=\"nav.home\">Society<", "data-i18n=\"nav.home\">Sociedade<");
        pt("data-i18n=\"nav.join\">Join<", "data-i18n=\"nav.join\">Aderir<");
        pt("data-i18n=\"nav.me\">My identity<", "data-i18n=\"nav.me\">A minha identidade<");
        pt("data-i18n=\"nav.inbox\">What needs me<", "data-i18n=\"nav.inbox\">O que precisa de mim<");
        pt("data-i18n=\"nav.citizens\">Citizens<", "data-i18n=\"nav.citizens\">Cidadãos<");
        pt("data-i18n=\"nav.proposals\">Proposals<", "data-i18n=\"nav.proposals\">Propostas<");
        pt("data-i18n=\"nav.charter\">Charter<", "data-i18n=\"nav.charter\">Carta<");
        pt("data-i18n=\"nav.draws\">Draws<", "data-i18n=\"nav.draws\">Sorteios<");
        pt("data-i18n=\"nav.economy\">Economy<", "data-i18n=\"nav.economy\">Economia<");
        pt("data-i18n=\"nav.land\">Land<", "data-i18n=\"nav.land\">Terra<");
        pt("data-i18n=\"nav.ledger\">Ledger<", "data-i18n=\"nav.ledger\">Registo<");
        pt("data-i18n=\"footer.about\">Phyle: an open-source operating system for network states. This node keeps its "
                + "society’s ledger of record as an RFC 9162 Merkle log; your browser checks what it shows.<",
                "data-i18n=\"footer.about\">Phyle: um sistema operativo de código aberto para estados em rede. Este nó "
                + "guarda o registo público da sua sociedade como um registo Merkle RFC 9162; o seu navegador verifica "
                + "o que ele mostra.<");
        pt("data-i18n=\"footer.glossary\">Glossary<", "data-i18n=\"footer.glossary\">Glossário<");
        pt("data-i18n=\"footer.verify\">Verify the ledger yourself<",
                "data-i18n=\"footer.verify\">Verifique o registo por si<");
        pt("data-i18n=\"footer.developers\">For developers<", "data-i18n=\"footer.developers\">Para programadores<");
        pt("data-i18n=\"footer.developersText\">Machine-readable, for programs and auditors:<",
                "data-i18n=\"footer.developersText\">Legível por máquinas, para programas e auditores:<");
        pt("data-i18n=\"footer.api\">API description (OpenAPI)<", "data-i18n=\"footer.api\">Descrição da API (OpenAPI)<");
        pt("data-i18n=\"footer.checkpoint\">Raw checkpoint<", "data-i18n=\"footer.checkpoint\">Checkpoint em bruto<");
        pt("data-i18n=\"toTop\">Back to the top<", "data-i18n=\"toTop\">Voltar ao topo<");
        pt("data-i18n=\"notFound.eyebrow\">Error 404<", "data-i18n=\"notFound.eyebrow\">Erro 404<");
        pt("data-i18n=\"notFound.title\">There is no such page<", "data-i18n=\"notFound.title\">Esta página não existe<");
        pt("data-i18n=\"notFound.text\">The address may be mistyped, or the page has moved. These are the pages of this "
                + "society:<", "data-i18n=\"notFound.text\">O endereço pode ter um erro, ou a página mudou de sítio. "
                + "Estas são as páginas desta sociedade:<");
        // the ledger's words
        pt("data-word=\"applicant\">Applicant<", "data-word=\"applicant\">Candidato<");
        pt("data-word=\"citizen\">Citizen<", "data-word=\"citizen\">Cidadão<");
        pt("data-word=\"lapsed\">Lapsed<", "data-word=\"lapsed\">Caducado<");
        pt("data-word=\"e-resident\">E-resident<", "data-word=\"e-resident\">E-residente<");
        pt("data-word=\"host-resident\">Host resident<", "data-word=\"host-resident\">Residente local<");
        pt("data-word=\"revoked\">Revoked<", "data-word=\"revoked\">Revogado<");
        pt("data-word=\"renounced\">Renounced<", "data-word=\"renounced\">Renunciou<");
        pt("data-word=\"ended\">Ended<", "data-word=\"ended\">Terminado<");
        pt("data-word=\"draft\">Draft<", "data-word=\"draft\">Rascunho<");
        pt("data-word=\"sponsored\">Sponsored<", "data-word=\"sponsored\">Patrocinada<");
        pt("data-word=\"voting\">Voting<", "data-word=\"voting\">Em votação<");
        pt("data-word=\"passed\">Passed<", "data-word=\"passed\">Aprovada<");
        pt("data-word=\"failed\">Failed<", "data-word=\"failed\">Rejeitada<");
        pt("data-word=\"executed\">Executed<", "data-word=\"executed\">Executada<");
        pt("data-word=\"not executed\">Not executed<", "data-word=\"not executed\">Não executada<");
        pt("data-word=\"cancelled\">Cancelled<", "data-word=\"cancelled\">Cancelada<");
        pt("data-word=\"yes-no\">Yes / no<", "data-word=\"yes-no\">Sim / não<");
        pt("data-word=\"quadratic\">Quadratic<", "data-word=\"quadratic\">Quadrático<");
        pt("data-word=\"approval\">Approval<", "data-word=\"approval\">Aprovação<");
        pt("data-word=\"ranked\">Ranked choice<", "data-word=\"ranked\">Voto ordenado<");
        pt("data-word=\"drawn\">Drawn<", "data-word=\"drawn\">Sorteado<");
        pt("data-word=\"committing\">Stewards committing<", "data-word=\"committing\">Administradores a comprometer<");
        pt("data-word=\"revealing\">Stewards revealing<", "data-word=\"revealing\">Administradores a revelar<");
        pt("data-word=\"awaiting proof\">Awaiting the node&#39;s proof<", "data-word=\"awaiting proof\">À espera da prova do nó<");
        pt("data-word=\"jury\">A jury<", "data-word=\"jury\">Um júri<");
        pt("data-word=\"panel\">An outside panel<", "data-word=\"panel\">Um painel externo<");
        pt("data-word=\"request\">A request<", "data-word=\"request\">Um pedido<");
        // the society
        pt("<p class=\"eyebrow\">A network state on Phyle</p>", "<p class=\"eyebrow\">Um estado em rede no Phyle</p>");
        pt("<h2>In numbers</h2>", "<h2>Em números</h2>");
        pt("<dt>Citizens</dt>", "<dt>Cidadãos</dt>");
        pt("<dt>Applicants</dt>", "<dt>Candidatos</dt>");
        pt("<dt>E-residents</dt>", "<dt>E-residentes</dt>");
        pt("<dt>Host residents</dt>", "<dt>Residentes locais</dt>");
        pt(">Meet the citizens</a>", ">Conhecer os cidadãos</a>");
        pt("\">Proposals</a>", "\">Propostas</a>");
        pt("\">The charter</a>", "\">A carta</a>");
        pt("\">The ledger</a>", "\">O registo</a>");
        pt("<h2>The rules in numbers</h2>", "<h2>As regras em números</h2>");
        pt("technical name: <code>", "nome técnico: <code>");
        // people
        pt("<h1>Citizens and residents</h1>", "<h1>Cidadãos e residentes</h1>");
        pt("\">More</a>", "\">Mais</a>");
        pt("\">All citizens</a>", "\">Todos os cidadãos</a>");
        pt("<dt>Standing</dt>", "<dt>Situação</dt>");
        pt("<dt>Number</dt>", "<dt>Número</dt>");
        pt("<dt>Registered</dt>", "<dt>Registado</dt>");
        pt("<dt>Citizenship runs until</dt>", "<dt>A cidadania vale até</dt>");
        pt("<dt>Vouched for by</dt>", "<dt>Abonado por</dt>");
        pt("<dt>Guardians</dt>", "<dt>Guardiões</dt>");
        pt(" must agree)</dd>", " têm de concordar)</dd>");
        pt("<dd>nobody</dd>", "<dd>ninguém</dd>");
        pt("<summary>Details</summary>", "<summary>Detalhes</summary>");
        pt("<dt>Person id</dt>", "<dt>Id da pessoa</dt>");
        pt("<dt>Key (did:key)</dt>", "<dt>Chave (did:key)</dt>");
        pt("<h2>History</h2>", "<h2>Histórico</h2>");
        pt("\">receipt</a>", "\">recibo</a>");
        // proposals
        pt("<h1>Proposals</h1>", "<h1>Propostas</h1>");
        pt("\">All proposals</a>", "\">Todas as propostas</a>");
        pt("<dt>Author</dt>", "<dt>Proposta por</dt>");
        pt("<dt>Sponsors</dt>", "<dt>Patrocinadores</dt>");
        pt(" needed</dd>", " necessários</dd>");
        pt("<dt>Options</dt>", "<dt>Opções</dt>");
        pt("<dt>Voting closes</dt>", "<dt>A votação fecha</dt>");
        pt("<dt>Ballots</dt>", "<dt>Boletins</dt>");
        pt("<h2>Results so far</h2>", "<h2>Resultados até agora</h2>");
        pt("<h2>Results</h2>", "<h2>Resultados</h2>");
        pt("<dt>Quorum met</dt>", "<dt>Quórum atingido</dt>");
        pt("<dt>Passed</dt>", "<dt>Aprovada</dt>");
        pt("<dd>yes</dd>", "<dd>sim</dd>");
        pt("<dd>no</dd>", "<dd>não</dd>");
        pt("<dt>Took part</dt>", "<dt>Participaram</dt>");
        pt("<dt>Could vote</dt>", "<dt>Podiam votar</dt>");
        pt("<dt>Needed to take part</dt>", "<dt>Participação necessária</dt>");
        pt("<dt>Yes</dt>", "<dt>Sim</dt>");
        pt("<dt>No</dt>", "<dt>Não</dt>");
        pt("<dt>Abstained</dt>", "<dt>Abstiveram-se</dt>");
        pt("<dt>Voice credits spent</dt>", "<dt>Créditos de voz gastos</dt>");
        pt("aria-label=\"Scores\"", "aria-label=\"Pontuações\"");
        pt("<caption>Scores</caption>", "<caption>Pontuações</caption>");
        pt("<th scope=\"col\">Option</th>", "<th scope=\"col\">Opção</th>");
        pt("<th scope=\"col\" class=\"num\">Score</th>", "<th scope=\"col\" class=\"num\">Pontuação</th>");
        pt("aria-label=\"Instant-runoff rounds\"", "aria-label=\"Rondas da segunda volta instantânea\"");
        pt("<caption>Instant-runoff rounds</caption>", "<caption>Rondas da segunda volta instantânea</caption>");
        pt("<th scope=\"row\">Round ", "<th scope=\"row\">Ronda ");
        pt("<p>Winning options: ", "<p>Opções vencedoras: ");
        // the charter
        pt("<p class=\"eyebrow\">The social contract</p>", "<p class=\"eyebrow\">O contrato social</p>");
        pt("<h1>The charter</h1>", "<h1>A carta</h1>");
        pt("<h2>Articles</h2>", "<h2>Artigos</h2>");
        pt("SHA-256 of its RFC 8785 form: ", "SHA-256 da sua forma RFC 8785: ");
        // draws
        pt("<h1>Draws by lot</h1>", "<h1>Sorteios</h1>");
        pt("\">All draws</a>", "\">Todos os sorteios</a>");
        pt("<h1>Draw #", "<h1>Sorteio n.º ");
        pt("\">Draw #", "\">Sorteio n.º ");
        pt("<dt>Phase</dt>", "<dt>Fase</dt>");
        pt("<dt>Drawn from</dt>", "<dt>Sorteado entre</dt>");
        pt(" people (", " pessoas (");
        pt("<dt>Seats</dt>", "<dt>Lugares</dt>");
        pt("<dt>Requested</dt>", "<dt>Pedido</dt>");
        pt("<h2>Chosen</h2>", "<h2>Escolhidos</h2>");
        // the ledger
        pt("<h1>The ledger of record</h1>", "<h1>O registo público</h1>");
        pt("<h2>The signed checkpoint</h2>", "<h2>O checkpoint assinado</h2>");
        pt("<h2>Latest blocks</h2>", "<h2>Últimos blocos</h2>");
        pt("aria-label=\"Latest blocks\"", "aria-label=\"Últimos blocos\"");
        pt("<caption>Latest blocks</caption>", "<caption>Últimos blocos</caption>");
        pt("<th scope=\"col\">Block</th>", "<th scope=\"col\">Bloco</th>");
        pt("<th scope=\"col\">Time</th>", "<th scope=\"col\">Hora</th>");
        pt("<th scope=\"col\" class=\"num\">Entries</th>", "<th scope=\"col\" class=\"num\">Entradas</th>");
        pt("<p>Receipts and their proofs are checked by this page's script, in your browser.</p>",
                "<p>Os recibos e as suas provas são verificados pelo script desta página, no seu navegador.</p>");
        // pages that sign
        pt("<h1>This page needs JavaScript</h1>", "<h1>Esta página precisa de JavaScript</h1>");
        pt("<p>It signs with your key, which only your browser holds, and checks what the node says before you consent "
                + "to anything: turn JavaScript on for this site to use it. Everything the society has decided can be "
                + "read without it: ", "<p>Assina com a sua chave, que só o seu navegador guarda, e verifica o que o nó "
                + "diz antes de consentir em qualquer coisa: ligue o JavaScript para este sítio para a usar. Tudo o que "
                + "a sociedade decidiu pode ser lido sem ele: ");
        pt("\">the society</a>, ", "\">a sociedade</a>, ");
        pt("\">its citizens</a>, ", "\">os seus cidadãos</a>, ");
        pt("\">its proposals</a>, ", "\">as suas propostas</a>, ");
        pt("\">its charter</a>, ", "\">a sua carta</a>, ");
        pt("\">its ledger</a>.", "\">o seu registo</a>.");
    }

    /**
     * An amount in minor units (a millionth of the currency) in the reader's notation, exactly, without the currency's
     * code: "1,234.5" in English, "1 234,5" in Portuguese. Only digits, separators and a sign: safe in HTML as is.
     */
    static String figure(long minor, boolean pt) {
        Locale locale = pt ? Locale.forLanguageTag("pt-PT") : Locale.UK;
        long abs = Math.abs(minor);
        String whole = java.text.NumberFormat.getIntegerInstance(locale).format(abs / MINOR_PER_UNIT);
        String fraction = String.format(Locale.ROOT, "%06d", abs % MINOR_PER_UNIT).replaceFirst("0+$", "");
        return (minor < 0 ? "-" : "") + whole + (fraction.isEmpty() ? "" : (pt ? "," : ".") + fraction);
    }

    private static final long MINOR_PER_UNIT = 1_000_000L;

    /** True if the browser prefers Portuguese to English (the first of the two in its Accept-Language). */
    static boolean portuguese(Context ctx) {
        String header = ctx.header("Accept-Language");
        if (header == null) {
            return false;
        }
        for (String part : header.split(",")) {
            String tag = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (tag.startsWith("pt")) {
                return true;
            }
            if (tag.startsWith("en")) {
                return false;
            }
        }
        return false;
    }

    /** The page in the reader's language. */
    static String translate(String html, Context ctx) {
        if (!portuguese(ctx)) {
            return html;
        }
        String out = html;
        for (Map.Entry<String, String> e : PT.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out.replaceAll("<dd>([0-9]+) of ([0-9]+) necessários</dd>", "<dd>$1 de $2 necessários</dd>");
    }
}
