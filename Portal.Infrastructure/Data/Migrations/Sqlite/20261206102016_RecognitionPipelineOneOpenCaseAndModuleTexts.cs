using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RecognitionPipelineOneOpenCaseAndModuleTexts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InsightFigures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Figure = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightFigures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InsightReferenceFigures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Characteristic = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Share = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    EnteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightReferenceFigures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ModuleTexts",
                columns: table => new
                {
                    ModuleSlug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 1000000, nullable: false),
                    File = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    FirstServedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SupersededAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModuleTexts", x => new { x.ModuleSlug, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "Recognitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CredentialId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    IssuerUrl = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    IssuerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AchievementId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AchievementName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ModuleSlug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ValidFromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ValidUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StatusListUrl = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    StatusIndex = table.Column<int>(type: "INTEGER", nullable: true),
                    RecognisedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecognisedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastCheckedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedFoundAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recognitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Recognitions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Recognitions_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrustedIssuers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuerUrl = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    KeysUrl = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RemovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RemovedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrustedIssuers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NavigationCases_UserId_Open",
                table: "NavigationCases",
                column: "UserId",
                unique: true,
                filter: "\"Stage\" <> 'Closed'");

            migrationBuilder.CreateIndex(
                name: "IX_InsightFigures_OrganisationId_Month_Figure_Dimension_Category",
                table: "InsightFigures",
                columns: new[] { "OrganisationId", "Month", "Figure", "Dimension", "Category" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InsightReferenceFigures_Characteristic_Category_Year",
                table: "InsightReferenceFigures",
                columns: new[] { "Characteristic", "Category", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Recognitions_OrganisationId_UserId_CredentialId",
                table: "Recognitions",
                columns: new[] { "OrganisationId", "UserId", "CredentialId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Recognitions_RevokedFoundAtUtc_Id",
                table: "Recognitions",
                columns: new[] { "RevokedFoundAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Recognitions_UserId",
                table: "Recognitions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_TrustedIssuers_IssuerUrl",
                table: "TrustedIssuers",
                column: "IssuerUrl");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InsightFigures");

            migrationBuilder.DropTable(
                name: "InsightReferenceFigures");

            migrationBuilder.DropTable(
                name: "ModuleTexts");

            migrationBuilder.DropTable(
                name: "Recognitions");

            migrationBuilder.DropTable(
                name: "TrustedIssuers");

            migrationBuilder.DropIndex(
                name: "IX_NavigationCases_UserId_Open",
                table: "NavigationCases");
        }
    }
}
