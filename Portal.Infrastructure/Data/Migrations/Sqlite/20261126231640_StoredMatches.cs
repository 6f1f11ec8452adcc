using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StoredMatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "MinimumHourlyPay",
                table: "CandidateProfiles",
                type: "TEXT",
                precision: 7,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MatchDismissals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    VacancyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DismissedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DismissedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchDismissals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchDismissals_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MatchDismissals_Vacancies_VacancyId",
                        column: x => x.VacancyId,
                        principalTable: "Vacancies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Matches",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    VacancyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Score = table.Column<float>(type: "REAL", nullable: false),
                    Miles = table.Column<float>(type: "REAL", nullable: false),
                    ModulesHeld = table.Column<int>(type: "INTEGER", nullable: false),
                    ModulesRequired = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgrammesHeld = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgrammesRequired = table.Column<int>(type: "INTEGER", nullable: false),
                    DaysFit = table.Column<float>(type: "REAL", nullable: false),
                    PayAsked = table.Column<float>(type: "REAL", nullable: false),
                    HourlyPay = table.Column<float>(type: "REAL", nullable: false),
                    RoleWanted = table.Column<bool>(type: "INTEGER", nullable: false),
                    OnSavedRoute = table.Column<bool>(type: "INTEGER", nullable: false),
                    ForPerson = table.Column<bool>(type: "INTEGER", nullable: false),
                    ForVacancy = table.Column<bool>(type: "INTEGER", nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Matches", x => new { x.UserId, x.VacancyId });
                    table.ForeignKey(
                        name: "FK_Matches_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Matches_Vacancies_VacancyId",
                        column: x => x.VacancyId,
                        principalTable: "Vacancies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MatchesEmailed",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    VacancyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchesEmailed", x => new { x.UserId, x.VacancyId });
                    table.ForeignKey(
                        name: "FK_MatchesEmailed_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MatchesEmailed_Vacancies_VacancyId",
                        column: x => x.VacancyId,
                        principalTable: "Vacancies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MatchPeople",
                columns: table => new
                {
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
                    Cutoff = table.Column<float>(type: "REAL", nullable: false),
                    ContentVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchPeople", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_MatchPeople_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MatchVacancyCutoffs",
                columns: table => new
                {
                    VacancyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Cutoff = table.Column<float>(type: "REAL", nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchVacancyCutoffs", x => x.VacancyId);
                    table.ForeignKey(
                        name: "FK_MatchVacancyCutoffs_Vacancies_VacancyId",
                        column: x => x.VacancyId,
                        principalTable: "Vacancies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MatchDismissals_UserId_VacancyId_Side",
                table: "MatchDismissals",
                columns: new[] { "UserId", "VacancyId", "Side" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatchDismissals_VacancyId",
                table: "MatchDismissals",
                column: "VacancyId");

            migrationBuilder.CreateIndex(
                name: "IX_Matches_VacancyId",
                table: "Matches",
                column: "VacancyId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchesEmailed_VacancyId",
                table: "MatchesEmailed",
                column: "VacancyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MatchDismissals");

            migrationBuilder.DropTable(
                name: "Matches");

            migrationBuilder.DropTable(
                name: "MatchesEmailed");

            migrationBuilder.DropTable(
                name: "MatchPeople");

            migrationBuilder.DropTable(
                name: "MatchVacancyCutoffs");

            migrationBuilder.DropColumn(
                name: "MinimumHourlyPay",
                table: "CandidateProfiles");
        }
    }
}
