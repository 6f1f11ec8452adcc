using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InsightRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InsightLearningMonths",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Learners = table.Column<int>(type: "integer", nullable: false),
                    FirstTimeLearners = table.Column<int>(type: "integer", nullable: false),
                    Completions = table.Column<int>(type: "integer", nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightLearningMonths", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InsightModuleMonths",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ModuleSlug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Completions = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightModuleMonths", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "AspNetRoles",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[] { "role-analyst", "seed-analyst", "Analyst", "ANALYST" });

            migrationBuilder.CreateIndex(
                name: "IX_InsightLearningMonths_OrganisationId_Month",
                table: "InsightLearningMonths",
                columns: new[] { "OrganisationId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InsightModuleMonths_OrganisationId_Month_ModuleSlug",
                table: "InsightModuleMonths",
                columns: new[] { "OrganisationId", "Month", "ModuleSlug" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InsightLearningMonths");

            migrationBuilder.DropTable(
                name: "InsightModuleMonths");

            migrationBuilder.DeleteData(
                table: "AspNetRoles",
                keyColumn: "Id",
                keyValue: "role-analyst");
        }
    }
}
