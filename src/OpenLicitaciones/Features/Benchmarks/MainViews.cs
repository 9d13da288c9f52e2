using System.Data.Common;
using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Api;
using OpenLicitaciones.Features.Banco;
using OpenLicitaciones.Features.Indicadores;
using OpenLicitaciones.Features.Monitor;
using OpenLicitaciones.Features.Productores;
using OpenLicitaciones.Features.Shared;
using OpenLicitaciones.Features.Shared.Listing;

namespace OpenLicitaciones.Features.Benchmarks;

/// <summary>
/// One main view of a module, as a request asks for it (<paramref name="Query"/>): <paramref name="App"/> does the server's
/// work for that request, <paramref name="Sql"/> answers the same question with hand-written SQL on the same database.
/// Both return the number of rows in the answer (the list's total), so a run can check that they agree.
/// </summary>
public sealed record MainView(string Name, string Query, Func<CancellationToken, Task<int>> App, Func<CancellationToken, Task<int>> Sql);

/// <summary>
/// The main views of the Banco and the Monitor, each beside the reference SQL it is measured against (issue 9 §2).
/// The SQL runs on SQLite and PostgreSQL alike; the few expressions the engines write differently are
/// <see cref="Reference.Year"/> and <see cref="Reference.Day"/>. Where an app rule is richer than one statement, the
/// SQL is the closest honest query and a comment says what it leaves out; on the demo data the totals agree.
/// </summary>
public static class MainViews
{
    /// <summary>The views over the data of <paramref name="app"/> (an AppComposition-built host's services) at <paramref name="now"/>.</summary>
    public static IReadOnlyList<MainView> Create(IServiceProvider app, DatabaseSettings database, DateTime now)
    {
        var server = new Server(app, now);
        var sql = new Reference(database);
        var year = now.Year;
        var banco = new (string, object)[] { ("anio", year), ("siguiente", year + 1), ("ahora", now), ("limite", ListRequest.DefaultPageSize) };
        var monitor = Window(year - (MonitorFilter.Years - 1), year);
        var filtered = Window(year - 2, year);

        var oportunidad = sql.Pick(PickOportunidad, ("anio", year), ("siguiente", year + 1))
            ?? throw new InvalidOperationException($"No hay en la base una línea del PAA {year} con proceso y contrato: sincronice o genere datos antes de medir.");
        // A company's public id is its NIT, stored without check digit (SupplierIdentity.PublicId).
        var (proveedor, codigo) = sql.Pick(PickProveedor) is { } nit ? (nit, sql.Pick(CodigoDe, ("nit", nit))!)
            : throw new InvalidOperationException("No hay en la base un contrato con una empresa: sincronice o genere datos antes de medir.");

        var pae = $"pae=true&mesDesde={year}-01&mesHasta={year}-06&orden=-valor";
        var mujer = $"mujer=si&pyme=true&desde={year - 2}&hasta={year}";
        return
        [
            new("Banco: lista sin filtros", "",
                ct => server.BancoAsync("", ct),
                ct => sql.PageAsync(BancoPage("", "COALESCE(mes, 999999), id"), banco, ct)),
            new("Banco: alimentación (PAE) de enero a junio, por valor", pae,
                ct => server.BancoAsync(pae, ct),
                ct => sql.PageAsync(BancoPage(PaeFilter, "COALESCE(valor, -1) DESC, COALESCE(mes, 999999), id"),
                    [.. banco, ("mesDesde", year * 100 + 1), ("mesHasta", year * 100 + 6)], ct)),
            new("Banco: detalle de una oportunidad", $"id={oportunidad}",
                ct => server.OportunidadAsync(oportunidad, ct),
                ct => sql.RowsAsync(OportunidadDetail, ct, ("anio", year), ("siguiente", year + 1), ("id", oportunidad))),
            new("Monitor: proveedores sin filtros", "",
                ct => server.MonitorAsync("", ct),
                ct => sql.PageAsync(MonitorPage(sql, ""), [.. monitor, ("limite", ListRequest.DefaultPageSize)], ct)),
            new("Monitor: proveedores con mujer representante y mipyme, tres años", mujer,
                ct => server.MonitorAsync(mujer, ct),
                ct => sql.PageAsync(MonitorPage(sql, $"WHERE (genero = 'Mujer' OR nit IN ({Certificados(app, year - 2, year)})) AND pyme = TRUE"),
                    [.. filtered, ("limite", ListRequest.DefaultPageSize)], ct)),
            new("Monitor: perfil de un proveedor", $"id={proveedor}",
                ct => server.PerfilAsync(proveedor, ct),
                ct => sql.ProfileAsync(ProfileYears(sql), ProfileContracts, [.. monitor, ("codigo", codigo), ("nit", proveedor)], ct)),
            new("Monitor: alertas", "",
                ct => server.AlertasAsync(ct),
                ct => sql.RowsAsync(Alerts(sql, server.Catalog.Count / 3), ct, [.. monitor, .. server.Catalog, ("plazoPorDefecto", server.Options.PlazoMinimoPorDefecto),
                    ("minimoProcesos", server.Options.MinimoProcesosMultiobjeto)])),
            new("Capacidad: registro de productores para el mapa", "",
                ct => server.CapacidadAsync(ct),
                ct => sql.RowsAsync(RegistroProductos, ct)),
            new("Capacidad: oferta y demanda por familia y año", "",
                ct => server.DemandaAsync(ct),
                ct => sql.RowsAsync(ComprasAlimentos(sql), ct, Window(year - (CapacidadSnapshot.Anios - 1), year))),
            new("Indicadores: tablero por año", "",
                ct => server.IndicadoresAsync(ct),
                ct => sql.RowsAsync(IndicadoresContratos(sql), ct, Window(year - (IndicadoresSnapshot.Anios - 1), year))),
            new("Indicadores: contratos detrás de G1 en un año", $"anio={year - 1}",
                ct => server.DetalleAsync("g1", year - 1, ct),
                ct => sql.RowsAsync(ContratosDelAnio, ct, Window(year - 1, year - 1))),
        ];
    }

    /// <summary>
    /// The NITs staff certified as women-led in force in some year of the window, as a SQL list: they count as women-led
    /// whatever the proxy says (CONTRACTS §4). Certified NITs are 9 digits (the loader rejects anything else), so they
    /// are written into the statement as they are.
    /// </summary>
    private static string Certificados(IServiceProvider app, int desde, int hasta)
    {
        var (inicio, fin) = (new DateOnly(desde, 1, 1), new DateOnly(hasta, 12, 31));
        var nits = app.GetRequiredService<CertificacionesMujer>().LeerAsync().GetAwaiter().GetResult().Filas
            .Where(c => c.Desde <= fin && (c.Hasta is null || inicio <= c.Hasta)).Select(c => $"'{c.Nit}'").Distinct().ToList();
        return nits.Count == 0 ? "NULL" : string.Join(", ", nits);
    }

    /// <summary>A window of publication years as the half-open date range the SQL compares with.</summary>
    private static (string, object)[] Window(int desde, int hasta) => [("desde", new DateTime(desde, 1, 1)), ("hasta", new DateTime(hasta + 1, 1, 1))];

    // ---- the app's side: what each endpoint (or page) does for the request, down to the serialised response ----------

    private sealed class Server(IServiceProvider app, DateTime now)
    {
        private readonly BancoSnapshot _banco = app.GetRequiredService<BancoSnapshot>();
        private readonly MonitorSnapshot _monitor = app.GetRequiredService<MonitorSnapshot>();
        private readonly Modalidades _modalidades = app.GetRequiredService<Modalidades>();
        private readonly UnspscFamilias _familias = app.GetRequiredService<UnspscFamilias>();
        private readonly CapacidadSnapshot _capacidad = app.GetRequiredService<CapacidadSnapshot>();
        private readonly IndicadoresSnapshot _indicadores = app.GetRequiredService<IndicadoresSnapshot>();

        public MonitorOptions Options { get; } = app.GetRequiredService<IOptions<MonitorOptions>>().Value;

        /// <summary>The modality catalog as rows of the SQL's own table: spelling in lower case, competitive, minimum days (R003).</summary>
        public IReadOnlyList<(string, object)> Catalog { get; } = LoadCatalog(app.GetRequiredService<IOptions<MonitorOptions>>().Value);

        /// <summary>GET /api/v1/licitaciones (BancoApi).</summary>
        public async Task<int> BancoAsync(string query, CancellationToken ct)
        {
            var list = Request(query, BancoFilter.Parameters);
            var filter = BancoFilter.Parse(list.Query, _modalidades);
            var rows = BancoQuery.Apply(await _banco.GetAsync(ct), filter, now);
            await SendAsync(ApiList.Respond(rows, r => BancoItem.From(r, _familias), list, "licitaciones"), ct);
            return rows.Count;
        }

        /// <summary>/licitaciones/{id} (BancoDetailPage): the line, its status, its processes and contracts; 0 when not found.</summary>
        public async Task<int> OportunidadAsync(string id, CancellationToken ct)
        {
            if ((await _banco.GetAsync(ct)).FirstOrDefault(x => x.Id == id) is not { } o) return 0;
            var row = new OportunidadActual(o, BancoStatus.Of(o.Procesos, o.Contratos, now));
            await SendAsync(Results.Json(new { oportunidad = BancoItem.From(row, _familias), procesos = o.Procesos, contratos = o.Contratos }, ApiList.Json), ct);
            return 1 + o.Procesos.Count + o.Contratos.Count;
        }

        /// <summary>GET /api/v1/monitor/proveedores (MonitorApi).</summary>
        public async Task<int> MonitorAsync(string query, CancellationToken ct)
        {
            var list = Request(query, MonitorFilter.Parameters);
            var filter = MonitorFilter.Parse(list.Query, _modalidades, now.Year);
            var items = MonitorQuery.Items(await _monitor.GetAsync(ct), filter, Options);
            await SendAsync(ApiList.Respond(items, list, "proveedores-monitor"), ct);
            return items.Count;
        }

        /// <summary>GET /api/v1/monitor/proveedores/{id}: the rows of the answer are the contracts of the window; 0 when not found.</summary>
        public async Task<int> PerfilAsync(string id, CancellationToken ct)
        {
            var data = await _monitor.GetAsync(ct);
            var list = Request("", "desde", "hasta");
            var filter = MonitorFilter.Parse(list.Query, _modalidades, now.Year);
            if (data.Proveedor(id) is not { } h) return 0;
            var perfil = PerfilProveedor.Of(h, filter, Options, data);
            await SendAsync(Results.Json(new { perfil, warnings = list.Warnings.Count > 0 ? list.Warnings : null }, ApiList.Json), ct);
            return perfil.Contratos.Count;
        }

        /// <summary>GET /api/v1/monitor/alertas.</summary>
        public async Task<int> AlertasAsync(CancellationToken ct)
        {
            var list = Request("", "desde", "hasta");
            var filter = MonitorFilter.Parse(list.Query, _modalidades, now.Year);
            var alertas = (await _monitor.GetAsync(ct)).Alertas(filter.Desde, filter.Hasta, Options);
            await SendAsync(ApiList.Respond(alertas.Select(AlertaItem.From).ToList(), list, "alertas"), ct);
            return alertas.Count;
        }

        /// <summary>GET /api/v1/capacidad: one row per product of each organisation of the registry (the map's markers and cards).</summary>
        public async Task<int> CapacidadAsync(CancellationToken ct)
        {
            var items = CapacidadApi.Capacidad(await _capacidad.GetAsync(ct), _familias).ToList();
            await SendAsync(ApiList.Respond(items, Request("", "familia"), "capacidad"), ct);
            return items.Count;
        }

        /// <summary>
        /// GET /api/v1/capacidad/demanda. Its rows are every food family × year plus the PAE operation; the count returned is
        /// of the family-years with contracts, the part the reference SQL can answer (the declared demand is a file).
        /// </summary>
        public async Task<int> DemandaAsync(CancellationToken ct)
        {
            var items = CapacidadApi.Demanda(await _capacidad.GetAsync(ct)).ToList();
            await SendAsync(ApiList.Respond(items, Request("", "familia", "anio"), "capacidad-demanda"), ct);
            return items.Count(i => i.Tipo == "compra-alimentos" && i.Contratos > 0);
        }

        /// <summary>
        /// GET /api/v1/indicadores: every indicator × year. The count returned is of the rows the reference SQL can answer,
        /// the contract shares G1, G2, G7 and G12.
        /// </summary>
        public async Task<int> IndicadoresAsync(CancellationToken ct)
        {
            var list = Request("", FiltroIndicadores.Parametros);
            var datos = await _indicadores.GetAsync(ct);
            var filtro = FiltroIndicadores.Parse(list.Query, datos);
            var items = datos.Resultados(filtro.Trimestral).Where(r => filtro.Codigos.Contains(r.Codigo)).ToList();
            await SendAsync(ApiList.Respond(items, IndicadorItem.From, list, "indicadores"), ct);
            return items.Count(r => r.Codigo is "g1" or "g2" or "g7" or "g12" && r.Cifra.Cobertura.Todos > 0);
        }

        /// <summary>GET /api/v1/indicadores/{codigo}/detalle?anio=: the rows behind the figure, first page.</summary>
        public async Task<int> DetalleAsync(string codigo, int anio, CancellationToken ct)
        {
            var list = Request($"anio={anio}", "anio", "trimestre");
            var datos = await _indicadores.GetAsync(ct);
            var periodo = FiltroIndicadores.Periodo(list.Query, datos);
            var filas = datos.Detalle(codigo, periodo);
            await SendAsync(ApiList.Respond(filas, f => DetalleItem.From(codigo, periodo, f), list, "indicador"), ct);
            return filas.Count;
        }

        private static ListRequest Request(string query, params string[] parameters) => new(new QueryCollection(QueryHelpers.ParseQuery(query)), parameters);

        /// <summary>Writes the response as the endpoint's result would, to a body that discards it.</summary>
        private async Task SendAsync(IResult result, CancellationToken ct) =>
            await result.ExecuteAsync(new DefaultHttpContext { RequestServices = app, RequestAborted = ct });

        private static List<(string, object)> LoadCatalog(MonitorOptions options)
        {
            using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "data", "modalidades.csv"));
            using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
            var rows = new List<(string, object)>();
            foreach (var (row, i) in csv.GetRecords<CatalogRow>().DistinctBy(r => r.spelling.Trim().ToLowerInvariant()).Select((r, i) => (r, i)))
            {
                rows.Add(($"m{i}", row.spelling.Trim().ToLowerInvariant()));
                rows.Add(($"c{i}", row.competitiva ? 1 : 0));
                rows.Add(($"d{i}", options.PlazoMinimoDias.GetValueOrDefault(row.code, options.PlazoMinimoPorDefecto)));
            }
            return rows;
        }

        // CsvHelper maps the header names to these properties.
#pragma warning disable IDE1006
        private sealed record CatalogRow(string spelling, string code, string label, bool competitiva, bool accesible);
#pragma warning restore IDE1006
    }

    // ---- the reference: hand-written SQL over the same tables ----------------------------------------------------------

    // SecopRules in SQL: which contracts count and which processes are cancelled. States are folded by lower case only
    // (the app also strips accents).
    private const string ContratoCuenta = """LOWER(COALESCE(c."EstadoContrato", '')) NOT IN ('borrador', 'cancelado', 'en aprobación', 'en aprobacion')""";

    private const string Cancelado = """
        (LOWER(COALESCE(p."EstadoDelProcedimiento", '') || ' ' || COALESCE(p."EstadoResumen", '')) LIKE '%cancel%'
         OR LOWER(COALESCE(p."EstadoDelProcedimiento", '') || ' ' || COALESCE(p."EstadoResumen", '')) LIKE '%desiert%'
         OR LOWER(COALESCE(p."EstadoDelProcedimiento", '') || ' ' || COALESCE(p."EstadoResumen", '')) LIKE '%descart%'
         OR LOWER(COALESCE(p."EstadoDelProcedimiento", '') || ' ' || COALESCE(p."EstadoResumen", '')) LIKE '%revocad%')
        """;

    // The current version of each entity's plan for this year and the next, as the Banco's snapshot reads it.
    private const string PlanVigente = """
        FROM "PaaLines" l
        JOIN "PaaVigentes" v ON v."CodigoEntidad" = l."CodigoEntidad" AND v."Annio" = l."Annio" AND v."Version" = l."VersionDelPaa"
        WHERE l."Annio" IN (@anio, @siguiente)
        """;

    // A line names its process by one id (REQ, BDOS or NTC) in ProcesosRelacionados, and a contract its process by the
    // portfolio (BDOS). Leaves out lines that list several ids or give one only in the URL (the app reads every id in
    // both), and contracts linked by notice id alone.
    private const string Vinculado = """p."IdDelProceso" = o.ref OR p."IdDelPortafolio" = o.ref OR p."NoticeUid" = o.ref""";

    private const string RegistroProductos = """
        SELECT a."Nombre", a."Nit", a."Latitud", a."Longitud", a."Lugar", a."EsDemo", a."Fuente", p."Producto", p."Familia", p."Cantidad", p."Unidad", p."Periodo"
        FROM "Asociaciones" a LEFT JOIN "ProductosAsociacion" p ON p."AsociacionId" = a."Id"
        ORDER BY a."EsDemo", a."Nombre", p."Id"
        """;

    /// <summary>Counted food purchases (UNSPSC segment 50) of the window by family and year of signature, with count and value.</summary>
    private static string ComprasAlimentos(Reference sql) => $"""
        SELECT SUBSTR(c."CodigoCategoriaPrincipal", 1, 4) AS familia, {sql.Year("c.\"FechaDeFirma\"")} AS anio, COUNT(*) AS contratos,
               SUM(c."ValorDelContrato") AS valor
        FROM "Contratos" c
        WHERE c."CodigoCategoriaPrincipal" LIKE '50%' AND c."FechaDeFirma" >= @desde AND c."FechaDeFirma" < @hasta AND {ContratoCuenta}
        GROUP BY SUBSTR(c."CodigoCategoriaPrincipal", 1, 4), {sql.Year("c.\"FechaDeFirma\"")}
        """;

    /// <summary>
    /// G1, G2, G7 and G12 per year of signature over the counted contracts: the shares whose inputs are columns of one
    /// table. Women-led is the proxy alone (the app also applies staff certifications, from a file).
    /// </summary>
    private static string IndicadoresContratos(Reference sql) => $"""
        WITH c AS (
            SELECT {sql.Year("c.\"FechaDeFirma\"")} AS anio, c."ValorDelContrato" AS valor, c."EsPyme" AS pyme,
                   CASE WHEN c."GeneroRepresentanteLegal" = 'Mujer' THEN 1 WHEN c."GeneroRepresentanteLegal" IN ('Hombre', 'Otro') THEN 0 END AS mujer
            FROM "Contratos" c
            WHERE c."FechaDeFirma" >= @desde AND c."FechaDeFirma" < @hasta AND {ContratoCuenta}
        )
        SELECT 'g1' AS indicador, anio, SUM(CASE WHEN mujer = 1 THEN valor END) * 1.0 / NULLIF(SUM(CASE WHEN mujer IS NOT NULL THEN valor END), 0) AS valor
        FROM c GROUP BY anio
        UNION ALL SELECT 'g2', anio, SUM(mujer) * 1.0 / NULLIF(COUNT(mujer), 0) FROM c GROUP BY anio
        UNION ALL SELECT 'g7', anio, COUNT(mujer) * 1.0 / COUNT(*) FROM c GROUP BY anio
        UNION ALL SELECT 'g12', anio, SUM(CASE WHEN pyme THEN valor END) * 1.0 / NULLIF(SUM(CASE WHEN pyme IS NOT NULL THEN valor END), 0) FROM c GROUP BY anio
        """;

    /// <summary>The counted contracts signed in a year with their supplier and the gender field G1 reads.</summary>
    private const string ContratosDelAnio = $"""
        SELECT c."IdContrato", c."FechaDeFirma", c."ValorDelContrato", c."DocumentoProveedor", c."CodigoProveedor", c."ProveedorAdjudicado",
               c."GeneroRepresentanteLegal", c."UrlProceso"
        FROM "Contratos" c
        WHERE c."FechaDeFirma" >= @desde AND c."FechaDeFirma" < @hasta AND {ContratoCuenta}
        ORDER BY c."ValorDelContrato" DESC, c."IdContrato"
        """;

    private const string PaeFilter = "WHERE (codigos LIKE '%;50%' OR codigos LIKE '%;8515%' OR codigos LIKE '%;9010%') AND mes BETWEEN @mesDesde AND @mesHasta";

    /// <summary>The Banco's list: total and first page with each line's latest process and contract, and its status.</summary>
    private static string BancoPage(string filter, string order) => $$"""
        WITH linea AS (
            SELECT l."Id" AS id, l."Annio" AS anio, l."Descripcion" AS descripcion, l."CategoriasUnspsc" AS codigos,
                   l."Annio" * 100 + COALESCE(l."MesEsperadoInicio", l."MesEsperadoRecepcion") AS mes, l."ValorTotalEsperado" AS valor,
                   l."Modalidad" AS modalidad, l."ProcesosRelacionados" AS ref
            {{PlanVigente}}
        ),
        pagina AS (
            SELECT linea.*, COUNT(*) OVER () AS total FROM linea {{filter}} ORDER BY {{order}} LIMIT @limite
        ),
        proceso AS (
            SELECT o.id AS linea, p."IdDelProceso" AS id, p."IdDelPortafolio" AS portafolio, p."UrlProceso" AS url,
                   p."FechaPublicacion" AS publicado, p."FechaRecepcion" AS cierre, p."Adjudicado" AS adjudicado,
                   LOWER(COALESCE(p."EstadoDelProcedimiento", '')) AS estado, {{Cancelado}} AS cancelado
            FROM pagina o JOIN "Procesos" p ON {{Vinculado}}
        ),
        contrato AS (
            SELECT clave.linea, c."IdContrato" AS id, c."FechaDeFirma" AS firma, c."ProveedorAdjudicado" AS proveedor,
                   c."ValorDelContrato" AS valor, {{ContratoCuenta}} AS cuenta
            FROM (SELECT id AS linea, ref AS clave FROM pagina UNION SELECT linea, portafolio FROM proceso) clave
            JOIN "Contratos" c ON c."ProcesoDeCompra" = clave.clave
        )
        SELECT pagina.*,
            (SELECT id FROM proceso WHERE proceso.linea = pagina.id ORDER BY publicado DESC NULLS LAST LIMIT 1) AS proceso,
            (SELECT url FROM proceso WHERE proceso.linea = pagina.id ORDER BY publicado DESC NULLS LAST LIMIT 1) AS url,
            (SELECT id FROM contrato WHERE contrato.linea = pagina.id ORDER BY firma DESC NULLS LAST LIMIT 1) AS contrato,
            (SELECT proveedor FROM contrato WHERE contrato.linea = pagina.id ORDER BY firma DESC NULLS LAST LIMIT 1) AS proveedor,
            (SELECT valor FROM contrato WHERE contrato.linea = pagina.id ORDER BY firma DESC NULLS LAST LIMIT 1) AS contratado,
            CASE
                WHEN EXISTS (SELECT 1 FROM contrato WHERE contrato.linea = pagina.id AND cuenta) THEN 'contratado'
                WHEN NOT EXISTS (SELECT 1 FROM proceso WHERE proceso.linea = pagina.id) THEN 'planeado'
                WHEN NOT EXISTS (SELECT 1 FROM proceso WHERE proceso.linea = pagina.id AND NOT cancelado) THEN 'cancelado-desierto'
                WHEN EXISTS (SELECT 1 FROM proceso WHERE proceso.linea = pagina.id AND NOT cancelado
                             AND (adjudicado = TRUE OR estado IN ('adjudicado', 'seleccionado'))) THEN 'adjudicado'
                WHEN EXISTS (SELECT 1 FROM proceso WHERE proceso.linea = pagina.id AND NOT cancelado
                             AND (estado LIKE '%evaluaci%' OR cierre <= @ahora)) THEN 'en-evaluacion'
                ELSE 'publicado'
            END AS estado
        FROM pagina
        ORDER BY {{order}}
        """;

    /// <summary>One opportunity: a row for the line, one per linked process, one per linked contract.</summary>
    private const string OportunidadDetail = $$"""
        WITH linea AS (
            SELECT l."Id" AS id, l."Descripcion" AS texto, l."FechaVersion" AS fecha, l."ValorTotalEsperado" AS valor, l."ProcesosRelacionados" AS ref
            {{PlanVigente}} AND l."Id" = @id
        ),
        proceso AS (
            SELECT p."IdDelProceso" AS id, p."EstadoDelProcedimiento" AS texto, p."FechaPublicacion" AS fecha, p."PrecioBase" AS valor,
                   p."IdDelPortafolio" AS portafolio
            FROM linea o JOIN "Procesos" p ON {{Vinculado}}
        ),
        contrato AS (
            SELECT c."IdContrato" AS id, c."EstadoContrato" AS texto, c."FechaDeFirma" AS fecha, c."ValorDelContrato" AS valor
            FROM (SELECT ref AS clave FROM linea UNION SELECT portafolio FROM proceso) clave
            JOIN "Contratos" c ON c."ProcesoDeCompra" = clave.clave
        )
        SELECT 'linea' AS parte, id, texto, fecha, valor FROM linea
        UNION ALL SELECT 'proceso', id, texto, fecha, valor FROM proceso
        UNION ALL SELECT 'contrato', id, texto, fecha, valor FROM contrato
        """;

    private const string PickOportunidad = $$"""
        SELECT l."Id" {{PlanVigente}} AND l."Annio" = @anio
          AND EXISTS (SELECT 1 FROM "Procesos" p JOIN "Contratos" c ON c."ProcesoDeCompra" = p."IdDelPortafolio"
                      WHERE p."IdDelProceso" = l."ProcesosRelacionados" OR p."IdDelPortafolio" = l."ProcesosRelacionados"
                         OR p."NoticeUid" = l."ProcesosRelacionados")
        ORDER BY l."Id" LIMIT 1
        """;

    // A company (its NIT is its public id), the one with most contracts.
    private const string PickProveedor = """
        SELECT c."DocumentoProveedor" FROM "Contratos" c
        WHERE LENGTH(c."DocumentoProveedor") = 9 AND (c."DocumentoProveedor" LIKE '8%' OR c."DocumentoProveedor" LIKE '9%')
          AND c."CodigoProveedor" IS NOT NULL
        GROUP BY c."DocumentoProveedor" ORDER BY COUNT(*) DESC, c."DocumentoProveedor" LIMIT 1
        """;

    private const string CodigoDe = """
        SELECT MIN(c."CodigoProveedor") FROM "Contratos" c WHERE c."DocumentoProveedor" = @nit
        """;

    /// <summary>
    /// Every supplier's part in every process (bid, offer, award, valid contract), one row per supplier and process, dated
    /// by the process's publication. A supplier is its SECOP code: leaves out the app's merging of codes that share a
    /// document and of rows that carry a document but no code.
    /// </summary>
    private static string Participaciones(string onlyOne = "") => $$"""
        parte AS (
            SELECT p."CodigoProveedor" AS proveedor, p."IdDelProceso" AS proceso, p."FechaPublicacion" AS fecha, 1 AS adjudicado
            FROM "Procesos" p
            WHERE p."Adjudicado" = TRUE AND p."CodigoProveedor" IS NOT NULL{{Only("p", onlyOne)}}
            UNION ALL
            SELECT b."CodigoProveedor", b."IdProcedimiento", COALESCE(p."FechaPublicacion", b."FechaPublicacion"), 0
            FROM "Proponentes" b LEFT JOIN "Procesos" p ON p."IdDelProceso" = b."IdProcedimiento"
            WHERE b."CodigoProveedor" IS NOT NULL{{Only("b", onlyOne)}}
            UNION ALL
            SELECT o."CodigoProveedor", COALESCE(p."IdDelProceso", o."IdDelProcesoDeCompra"), COALESCE(p."FechaPublicacion", o."FechaDeRegistro"), 0
            FROM "Ofertas" o LEFT JOIN "Procesos" p ON p."IdDelPortafolio" = o."IdDelProcesoDeCompra"
            WHERE o."CodigoProveedor" IS NOT NULL{{Only("o", onlyOne)}}
            UNION ALL
            SELECT c."CodigoProveedor", COALESCE(p."IdDelProceso", c."ProcesoDeCompra", c."IdContrato"), COALESCE(p."FechaPublicacion", c."FechaDeFirma"), 1
            FROM "Contratos" c LEFT JOIN "Procesos" p ON p."IdDelPortafolio" = c."ProcesoDeCompra"
            WHERE c."CodigoProveedor" IS NOT NULL AND {{ContratoCuenta}}{{Only("c", onlyOne)}}
        ),
        proceso AS (
            SELECT proveedor, proceso, MIN(fecha) AS fecha, MAX(adjudicado) AS adjudicado FROM parte GROUP BY proveedor, proceso
        )
        """;

    private static string Only(string alias, string parameter) => parameter.Length == 0 ? "" : $" AND {alias}.\"CodigoProveedor\" = @{parameter}";

    private const string ContratoEnVentana = """
        COALESCE(p."FechaPublicacion", c."FechaDeFirma") >= @desde AND COALESCE(p."FechaPublicacion", c."FechaDeFirma") < @hasta
        """;

    /// <summary>
    /// The Monitor's list: total and first page by participations. Leaves out the success rate (it needs the modality
    /// catalog), "nuevo" and "local"; mujer and pyme follow the app's rule (the latest contract, else the registry for pyme).
    /// </summary>
    private static string MonitorPage(Reference sql, string filter) => $$"""
        WITH {{Participaciones()}},
        ventana AS (
            SELECT proveedor, COUNT(*) AS participaciones, SUM(adjudicado) AS adjudicaciones,
                   MIN({{sql.Year("fecha")}}) AS primero, MAX({{sql.Year("fecha")}}) AS ultimo
            FROM proceso WHERE fecha >= @desde AND fecha < @hasta GROUP BY proveedor
        ),
        contrato AS (
            SELECT c."CodigoProveedor" AS proveedor, COUNT(*) AS contratos, SUM(COALESCE(c."ValorDelContrato", 0)) AS valor
            FROM "Contratos" c LEFT JOIN "Procesos" p ON p."IdDelPortafolio" = c."ProcesoDeCompra"
            WHERE c."CodigoProveedor" IS NOT NULL AND {{ContratoCuenta}} AND {{ContratoEnVentana}}
            GROUP BY c."CodigoProveedor"
        ),
        reciente AS (
            SELECT c."CodigoProveedor" AS proveedor, c."GeneroRepresentanteLegal" AS genero, c."EsPyme" AS pyme,
                   ROW_NUMBER() OVER (PARTITION BY c."CodigoProveedor" ORDER BY c."FechaDeFirma" DESC, c."IdContrato" DESC) AS n
            FROM "Contratos" c WHERE c."CodigoProveedor" IS NOT NULL AND c."FechaDeFirma" IS NOT NULL
        ),
        fila AS (
            SELECT v.proveedor, COALESCE(r."Nombre", v.proveedor) AS nombre, r."Nit" AS nit, v.participaciones, v.adjudicaciones, v.primero, v.ultimo,
                   COALESCE(k.contratos, 0) AS contratos, COALESCE(k.valor, 0) AS valor, u.genero, COALESCE(u.pyme, r."EsPyme") AS pyme
            FROM ventana v
            LEFT JOIN "Proveedores" r ON r."Codigo" = v.proveedor
            LEFT JOIN contrato k ON k.proveedor = v.proveedor
            LEFT JOIN reciente u ON u.proveedor = v.proveedor AND u.n = 1
        )
        SELECT fila.*, COUNT(*) OVER () AS total FROM fila {{filter}}
        ORDER BY participaciones DESC, nombre, proveedor
        LIMIT @limite
        """;

    /// <summary>A supplier's profile, first statement: its participations and awards per year of the window.</summary>
    private static string ProfileYears(Reference sql) => $$"""
        WITH {{Participaciones("codigo")}}
        SELECT {{sql.Year("fecha")}} AS anio, COUNT(*) AS participaciones, SUM(adjudicado) AS adjudicaciones
        FROM proceso WHERE fecha >= @desde AND fecha < @hasta
        GROUP BY {{sql.Year("fecha")}}
        ORDER BY anio
        """;

    /// <summary>Second statement: its contracts of the window, latest first (the rows of the answer).</summary>
    private const string ProfileContracts = $$"""
        SELECT c."IdContrato", c."FechaDeFirma", c."ValorDelContrato", c."EstadoContrato", c."GeneroRepresentanteLegal", c."EsPyme",
               c."CodigoCategoriaPrincipal", c."UrlProceso"
        FROM "Contratos" c LEFT JOIN "Procesos" p ON p."IdDelPortafolio" = c."ProcesoDeCompra"
        WHERE (c."DocumentoProveedor" = @nit OR c."CodigoProveedor" = @codigo) AND {{ContratoEnVentana}}
        ORDER BY c."FechaDeFirma" DESC NULLS LAST
        """;

    /// <summary>
    /// The six red flags of the window in one statement, one row each; the processes and awards of the window are
    /// computed once (MATERIALIZED: SQLite otherwise recomputed them for each flag, minutes at a department's scale). Modalities are matched by lower case only (the app
    /// also strips accents and spaces); R048 leaves out its quartile limit (SQLite has no percentile function), so it
    /// gives the suppliers measured, not those flagged.
    /// </summary>
    private static string Alerts(Reference sql, int catalogRows) => $$"""
        WITH catalogo (modalidad, competitiva, minimo) AS (
            VALUES {{string.Join(", ", Enumerable.Range(0, catalogRows).Select(i => $"(@m{i}, @c{i}, @d{i})"))}}
        ),
        postores AS (
            SELECT "IdProcedimiento" AS proceso, COUNT(*) AS n FROM "Proponentes" GROUP BY "IdProcedimiento"
        ),
        vigente AS MATERIALIZED (
            SELECT p."FechaPublicacion" AS publicado, p."FechaRecepcion" AS cierre,
                   CASE WHEN p."Modalidad" IS NULL THEN 0 ELSE m.competitiva END AS competitiva,
                   COALESCE(m.minimo, @plazoPorDefecto) AS minimo, COALESCE(b.n, p."RespuestasAlProcedimiento") AS proponentes,
                   CASE WHEN p."ValorTotalAdjudicacion" > 0 THEN p."ValorTotalAdjudicacion" ELSE p."PrecioBase" END AS valor
            FROM "Procesos" p
            LEFT JOIN catalogo m ON m.modalidad = LOWER(TRIM(p."Modalidad"))
            LEFT JOIN postores b ON b.proceso = p."IdDelProceso"
            WHERE p."FechaPublicacion" >= @desde AND p."FechaPublicacion" < @hasta AND NOT {{Cancelado}}
        ),
        adjudicacion AS MATERIALIZED (
            SELECT c."CodigoProveedor" AS proveedor, COALESCE(p."IdDelProceso", c."ProcesoDeCompra", c."IdContrato") AS proceso,
                   c."ValorDelContrato" AS valor,
                   CASE WHEN LENGTH(c."CodigoCategoriaPrincipal") >= 2 THEN SUBSTR(c."CodigoCategoriaPrincipal", 1, 2) END AS segmento
            FROM "Contratos" c LEFT JOIN "Procesos" p ON p."IdDelPortafolio" = c."ProcesoDeCompra"
            WHERE c."CodigoProveedor" IS NOT NULL AND {{ContratoCuenta}} AND {{ContratoEnVentana}}
        ),
        cuota AS (
            SELECT CAST(SUM(valor) AS DOUBLE PRECISION) / (SELECT SUM(valor) FROM adjudicacion WHERE valor > 0) AS cuota
            FROM adjudicacion WHERE valor > 0 GROUP BY proveedor
        ),
        ganador AS (
            SELECT COUNT(DISTINCT proceso) AS procesos, COUNT(DISTINCT segmento) AS segmentos FROM adjudicacion GROUP BY proveedor
        ),
        plazo AS (
            SELECT minimo, CASE WHEN {{sql.Day("cierre")}} >= {{sql.Day("publicado")}} THEN {{sql.Day("cierre")}} - {{sql.Day("publicado")}} END AS dias
            FROM vigente WHERE competitiva = 1
        )
        SELECT 'R018' AS codigo,
               CAST(SUM(CASE WHEN proponentes = 1 THEN 1 ELSE 0 END) AS DOUBLE PRECISION) / NULLIF(SUM(CASE WHEN proponentes > 0 THEN 1 ELSE 0 END), 0) AS valor,
               SUM(CASE WHEN proponentes > 0 THEN 1 ELSE 0 END) AS cobertura, SUM(CASE WHEN proponentes > 0 THEN 0 ELSE 1 END) AS no_aplica,
               SUM(CASE WHEN proponentes = 1 THEN 1 ELSE 0 END) AS marcados
        FROM vigente WHERE competitiva = 1
        UNION ALL
        SELECT 'R013', CAST(SUM(CASE WHEN competitiva = 0 THEN 1 ELSE 0 END) AS DOUBLE PRECISION) / NULLIF(COUNT(competitiva), 0),
               COUNT(competitiva), COUNT(*) - COUNT(competitiva), SUM(CASE WHEN competitiva = 0 THEN 1 ELSE 0 END)
        FROM vigente
        UNION ALL
        SELECT 'R013', CAST(SUM(CASE WHEN competitiva = 0 AND valor > 0 THEN valor ELSE 0 END) AS DOUBLE PRECISION)
                       / NULLIF(SUM(CASE WHEN competitiva IS NOT NULL AND valor > 0 THEN valor ELSE 0 END), 0),
               SUM(CASE WHEN competitiva IS NOT NULL AND valor > 0 THEN 1 ELSE 0 END),
               COUNT(*) - SUM(CASE WHEN competitiva IS NOT NULL AND valor > 0 THEN 1 ELSE 0 END),
               SUM(CASE WHEN competitiva = 0 AND valor > 0 THEN 1 ELSE 0 END)
        FROM vigente
        UNION ALL
        SELECT 'R040', SUM(cuota * cuota), (SELECT COUNT(*) FROM adjudicacion WHERE valor > 0),
               (SELECT COUNT(*) FROM adjudicacion WHERE valor IS NULL OR valor <= 0), CASE WHEN SUM(cuota * cuota) > 0.25 THEN 1 ELSE 0 END
        FROM cuota
        UNION ALL
        SELECT 'R003', CAST(SUM(CASE WHEN dias < minimo THEN 1 ELSE 0 END) AS DOUBLE PRECISION) / NULLIF(COUNT(dias), 0),
               COUNT(dias), COUNT(*) - COUNT(dias), SUM(CASE WHEN dias < minimo THEN 1 ELSE 0 END)
        FROM plazo
        UNION ALL
        SELECT 'R048', NULL, SUM(CASE WHEN procesos >= @minimoProcesos AND segmentos > 0 THEN 1 ELSE 0 END),
               SUM(CASE WHEN procesos >= @minimoProcesos AND segmentos > 0 THEN 0 ELSE 1 END), NULL
        FROM ganador
        """;

    /// <summary>Runs the reference SQL with plain ADO.NET on the configured engine: one pooled connection per request.</summary>
    private sealed class Reference(DatabaseSettings database)
    {
        private bool Sqlite => database.Provider == DatabaseProvider.Sqlite;

        /// <summary>The year of a date column as an integer.</summary>
        public string Year(string column) => Sqlite
            ? $"CAST(strftime('%Y', {column}) AS INTEGER)"
            : $"CAST(EXTRACT(YEAR FROM {column}) AS INTEGER)";

        /// <summary>A date column as a day number: the difference of two is the calendar days between them, whatever the hours.</summary>
        public string Day(string column) => Sqlite
            ? $"julianday(date({column}))"
            : $"CAST({column} AS date)";

        /// <summary>A page whose rows carry the list's total in a column named "total"; 0 when the page is empty.</summary>
        public async Task<int> PageAsync(string sql, IReadOnlyList<(string, object)> parameters, CancellationToken ct)
        {
            await using var connection = await OpenAsync(ct);
            await using var command = Command(connection, sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var total = 0;
            var ordinal = reader.GetOrdinal("total");
            while (await reader.ReadAsync(ct))
            {
                ReadRow(reader);
                total = Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
            }
            return total;
        }

        /// <summary>Every row of the answer, read; returns how many.</summary>
        public async Task<int> RowsAsync(string sql, CancellationToken ct, params IReadOnlyList<(string, object)> parameters)
        {
            await using var connection = await OpenAsync(ct);
            return await ReadAllAsync(connection, sql, parameters, ct);
        }

        /// <summary>Two statements on one connection: a summary, then the rows of the answer (whose count is returned).</summary>
        public async Task<int> ProfileAsync(string summary, string rows, IReadOnlyList<(string, object)> parameters, CancellationToken ct)
        {
            await using var connection = await OpenAsync(ct);
            await ReadAllAsync(connection, summary, parameters, ct);
            return await ReadAllAsync(connection, rows, parameters, ct);
        }

        /// <summary>The first column of the first row, or null: picks the opportunity and the supplier the views show.</summary>
        public string? Pick(string sql, params IReadOnlyList<(string, object)> parameters)
        {
            using var connection = Connect();
            connection.Open();
            using var command = Command(connection, sql, parameters);
            return command.ExecuteScalar() is string value ? value : null;
        }

        private static async Task<int> ReadAllAsync(DbConnection connection, string sql, IReadOnlyList<(string, object)> parameters, CancellationToken ct)
        {
            await using var command = Command(connection, sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = 0;
            while (await reader.ReadAsync(ct))
            {
                ReadRow(reader);
                rows++;
            }
            return rows;
        }

        // Every value is read, as the app reads every field it publishes.
        private static void ReadRow(DbDataReader reader)
        {
            for (var i = 0; i < reader.FieldCount; i++) _ = reader.GetValue(i);
        }

        private DbConnection Connect() => Sqlite ? new SqliteConnection(database.ConnectionString) : new NpgsqlConnection(database.ConnectionString);

        private async Task<DbConnection> OpenAsync(CancellationToken ct)
        {
            var connection = Connect();
            await connection.OpenAsync(ct);
            return connection;
        }

        private static DbCommand Command(DbConnection connection, string sql, IReadOnlyList<(string, object)> parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@" + name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
            return command;
        }
    }
}
