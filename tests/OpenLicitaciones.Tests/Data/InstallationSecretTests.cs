using Microsoft.EntityFrameworkCore;
using OpenLicitaciones.Data;
using OpenLicitaciones.Tests.Support;

namespace OpenLicitaciones.Tests.Data;

public sealed class InstallationSecretTests
{
    [Fact]
    public async Task A_secret_is_generated_on_first_start_stored_in_the_database_and_kept_on_the_next()
    {
        using var testDb = new TestDb();
        using (await TestHost.StartAsync(testDb)) { }
        var first = await StoredAsync(testDb);
        using (await TestHost.StartAsync(testDb)) { }

        Assert.Matches("^[0-9a-f]{64}$", first);
        Assert.Equal(first, await StoredAsync(testDb));
    }

    [Fact]
    public async Task A_configured_secret_is_the_one_stored_and_used()
    {
        using var testDb = new TestDb();
        using (await TestHost.StartAsync(testDb)) { }
        using (await TestHost.StartAsync(testDb, new Dictionary<string, string?> { [InstallationSecret.ConfigurationKey] = "secreto-de-prueba" })) { }

        Assert.Equal("secreto-de-prueba", await StoredAsync(testDb));
        await using var db = testDb.CreateDbContext();
        Assert.Equal("secreto-de-prueba", await InstallationSecret.GetAsync(db, null, CancellationToken.None));
    }

    private static async Task<string> StoredAsync(TestDb testDb)
    {
        await using var db = testDb.CreateDbContext();
        return await db.InstallationSecrets.Select(s => s.Value).SingleAsync();
    }
}
