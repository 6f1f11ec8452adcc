using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ShardKeepsWhatItScored : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_MatchRunPlaces",
                table: "MatchRunPlaces");

            migrationBuilder.AddColumn<int>(
                name: "Candidates",
                table: "MatchRunShards",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Vacancies",
                table: "MatchRunShards",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "ForPerson",
                table: "MatchRunPlaces",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddPrimaryKey(
                name: "PK_MatchRunPlaces",
                table: "MatchRunPlaces",
                columns: new[] { "RunId", "Shard", "UserId", "VacancyId", "ForPerson" });

            migrationBuilder.CreateTable(
                name: "MatchRunPeople",
                columns: table => new
                {
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    Shard = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Latitude = table.Column<float>(type: "real", nullable: false),
                    Longitude = table.Column<float>(type: "real", nullable: false),
                    Days = table.Column<int>(type: "integer", maxLength: 40, nullable: false),
                    Shifts = table.Column<int>(type: "integer", maxLength: 40, nullable: false),
                    DrivingLicence = table.Column<bool>(type: "boolean", nullable: false),
                    ModulesHeld = table.Column<long>(type: "bigint", nullable: false),
                    ProgrammesHeld = table.Column<int>(type: "integer", nullable: false),
                    RolesWanted = table.Column<long>(type: "bigint", nullable: false),
                    RolesOnSavedRoute = table.Column<long>(type: "bigint", nullable: false),
                    PayAsked = table.Column<float>(type: "real", nullable: false),
                    Findable = table.Column<bool>(type: "boolean", nullable: false),
                    Cutoff = table.Column<float>(type: "real", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchRunPeople", x => new { x.RunId, x.Shard, x.UserId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_MatchRunCandidates_RunId_VacancyId_Score",
                table: "MatchRunCandidates",
                columns: new[] { "RunId", "VacancyId", "Score" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MatchRunPeople");

            migrationBuilder.DropPrimaryKey(
                name: "PK_MatchRunPlaces",
                table: "MatchRunPlaces");

            migrationBuilder.DropIndex(
                name: "IX_MatchRunCandidates_RunId_VacancyId_Score",
                table: "MatchRunCandidates");

            migrationBuilder.DropColumn(
                name: "Candidates",
                table: "MatchRunShards");

            migrationBuilder.DropColumn(
                name: "Vacancies",
                table: "MatchRunShards");

            migrationBuilder.DropColumn(
                name: "ForPerson",
                table: "MatchRunPlaces");

            migrationBuilder.AddPrimaryKey(
                name: "PK_MatchRunPlaces",
                table: "MatchRunPlaces",
                columns: new[] { "RunId", "Shard", "UserId", "VacancyId" });
        }
    }
}
