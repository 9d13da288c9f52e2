using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace OpenLicitaciones.Data.Migrations;

[DbContext(typeof(AppDbContext)), Migration("20261122_0001_Initial")]
public sealed class Initial : SqlMigration;

[DbContext(typeof(AppDbContext)), Migration("20261202_0002_InstallationSecret")]
public sealed class InstallationSecretMigration : SqlMigration;

[DbContext(typeof(AppDbContext)), Migration("20261202_0003_LeaseHolder")]
public sealed class LeaseHolder : SqlMigration;
