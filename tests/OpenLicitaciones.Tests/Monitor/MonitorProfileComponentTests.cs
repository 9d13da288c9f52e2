using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using OpenLicitaciones.Data;
using OpenLicitaciones.Features.Monitor;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Monitor;

/// <summary>A supplier's profile rendered by bunit: its chart and the same numbers in a table.</summary>
public sealed class MonitorProfileComponentTests : ComponentTest
{
    [Fact]
    public async Task The_yearly_chart_and_its_table_carry_the_same_counts_and_contracts_link_to_SECOP()
    {
        using var testDb = new TestDb();
        await using (var db = testDb.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            db.Contratos.Add(new Contrato
            {
                IdContrato = "CO1.PCCNTR.1", NitEntidad = "891380007", DocumentoProveedor = "901623692", ProveedorAdjudicado = "AGRO MUJERES SAS",
                EstadoContrato = "En ejecución", FechaDeFirma = new(2025, 5, 1), ValorDelContrato = 7_000_000, UrlProceso = "https://community.secop.gov.co/x",
                Source = "demo",
            });
            await db.SaveChangesAsync();
        }
        await using var app = await ApiHost.StartAsync(testDb);
        UseAppServices(app.Services);

        var page = Render<MonitorProfilePage>(p => p.Add(x => x.Id, "901623692"));

        page.WaitForAssertion(() => Assert.Equal("AGRO MUJERES SAS", page.Find("h1").TextContent));
        var chart = page.FindComponent<MudChart<double>>().Instance;
        var years = page.FindAll("[data-testid=perfil-anios] tbody tr").Select(tr => tr.QuerySelector("th")!.TextContent).ToList();
        Assert.Equal(years, chart.ChartLabels);
        var wins = page.FindAll("[data-testid=perfil-anios] tbody tr").Select(tr => double.Parse(tr.QuerySelectorAll("td")[1].TextContent)).ToList();
        Assert.Equal(wins, chart.ChartSeries.Single(s => s.Name == "Ganados").Data.Values);
        Assert.Equal("https://community.secop.gov.co/x", page.Find("[data-testid=perfil-contratos] tbody th a").GetAttribute("href"));
    }
}
