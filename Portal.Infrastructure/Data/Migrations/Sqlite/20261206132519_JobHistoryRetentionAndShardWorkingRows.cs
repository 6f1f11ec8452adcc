using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JobHistoryRetentionAndShardWorkingRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_MatchRunPlaces",
                table: "MatchRunPlaces");

            migrationBuilder.AddColumn<bool>(
                name: "Apprentice",
                table: "Memberships",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Candidates",
                table: "MatchRunShards",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Vacancies",
                table: "MatchRunShards",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "ForPerson",
                table: "MatchRunPlaces",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddPrimaryKey(
                name: "PK_MatchRunPlaces",
                table: "MatchRunPlaces",
                columns: new[] { "RunId", "Shard", "UserId", "VacancyId", "ForPerson" });

            migrationBuilder.CreateTable(
                name: "InsightRetentionFigures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Figure = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightRetentionFigures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MembershipId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JobRole = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Apprenticeship = table.Column<bool>(type: "INTEGER", nullable: false),
                    FromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ToUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobHistory_Memberships_MembershipId",
                        column: x => x.MembershipId,
                        principalTable: "Memberships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MatchRunPeople",
                columns: table => new
                {
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Shard = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Latitude = table.Column<float>(type: "REAL", nullable: false),
                    Longitude = table.Column<float>(type: "REAL", nullable: false),
                    Days = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false),
                    Shifts = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false),
                    DrivingLicence = table.Column<bool>(type: "INTEGER", nullable: false),
                    ModulesHeld = table.Column<long>(type: "INTEGER", nullable: false),
                    ProgrammesHeld = table.Column<int>(type: "INTEGER", nullable: false),
                    RolesWanted = table.Column<long>(type: "INTEGER", nullable: false),
                    RolesOnSavedRoute = table.Column<long>(type: "INTEGER", nullable: false),
                    PayAsked = table.Column<float>(type: "REAL", nullable: false),
                    Findable = table.Column<bool>(type: "INTEGER", nullable: false),
                    Cutoff = table.Column<float>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchRunPeople", x => new { x.RunId, x.Shard, x.UserId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_MatchRunCandidates_RunId_VacancyId_Score",
                table: "MatchRunCandidates",
                columns: new[] { "RunId", "VacancyId", "Score" });

            migrationBuilder.CreateIndex(
                name: "IX_InsightRetentionFigures_OrganisationId_Month_Figure_Dimension_Category",
                table: "InsightRetentionFigures",
                columns: new[] { "OrganisationId", "Month", "Figure", "Dimension", "Category" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JobHistory_MembershipId",
                table: "JobHistory",
                column: "MembershipId");

            migrationBuilder.CreateIndex(
                name: "IX_JobHistory_OrganisationId_FromUtc",
                table: "JobHistory",
                columns: new[] { "OrganisationId", "FromUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_JobHistory_UserId",
                table: "JobHistory",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InsightRetentionFigures");

            migrationBuilder.DropTable(
                name: "JobHistory");

            migrationBuilder.DropTable(
                name: "MatchRunPeople");

            migrationBuilder.DropPrimaryKey(
                name: "PK_MatchRunPlaces",
                table: "MatchRunPlaces");

            migrationBuilder.DropIndex(
                name: "IX_MatchRunCandidates_RunId_VacancyId_Score",
                table: "MatchRunCandidates");

            migrationBuilder.DropColumn(
                name: "Apprentice",
                table: "Memberships");

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
