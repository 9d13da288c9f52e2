using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenLicitaciones.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RegistroProductores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Familia",
                table: "ProductosAsociacion",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "EsDemo",
                table: "Asociaciones",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<double>(
                name: "Latitud",
                table: "Asociaciones",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitud",
                table: "Asociaciones",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Lugar",
                table: "Asociaciones",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Nit",
                table: "Asociaciones",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Origen",
                table: "Asociaciones",
                type: "text",
                nullable: false,
                defaultValue: "archivo");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Familia",
                table: "ProductosAsociacion");

            migrationBuilder.DropColumn(
                name: "EsDemo",
                table: "Asociaciones");

            migrationBuilder.DropColumn(
                name: "Latitud",
                table: "Asociaciones");

            migrationBuilder.DropColumn(
                name: "Longitud",
                table: "Asociaciones");

            migrationBuilder.DropColumn(
                name: "Lugar",
                table: "Asociaciones");

            migrationBuilder.DropColumn(
                name: "Nit",
                table: "Asociaciones");

            migrationBuilder.DropColumn(
                name: "Origen",
                table: "Asociaciones");
        }
    }
}
