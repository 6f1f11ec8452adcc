using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CareSettingsApprenticeInvitationsAndInsightIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Setting",
                table: "Organisations",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Apprenticeship",
                table: "Invitations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_InsightFigures_Month",
                table: "InsightFigures",
                column: "Month");

            migrationBuilder.CreateIndex(
                name: "IX_Completions_CompletedAtUtc",
                table: "Completions",
                column: "CompletedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationEvents_ChangedAtUtc",
                table: "ApplicationEvents",
                column: "ChangedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InsightFigures_Month",
                table: "InsightFigures");

            migrationBuilder.DropIndex(
                name: "IX_Completions_CompletedAtUtc",
                table: "Completions");

            migrationBuilder.DropIndex(
                name: "IX_ApplicationEvents_ChangedAtUtc",
                table: "ApplicationEvents");

            migrationBuilder.DropColumn(
                name: "Setting",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "Apprenticeship",
                table: "Invitations");
        }
    }
}
