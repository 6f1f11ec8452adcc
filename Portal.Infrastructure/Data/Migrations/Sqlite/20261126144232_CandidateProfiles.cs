using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CandidateProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CandidateProfiles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    District = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Days = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false),
                    Shifts = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false),
                    DrivingLicence = table.Column<bool>(type: "INTEGER", nullable: false),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    WantedRoles = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Qualifications = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Statement = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DbsUpdateServiceDeclaredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RightToWorkDeclaredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReferencesDeclaredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LetEmployersFindMe = table.Column<bool>(type: "INTEGER", nullable: false),
                    EmailMeMatches = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CandidateProfiles", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_CandidateProfiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CandidateProfiles_LetEmployersFindMe",
                table: "CandidateProfiles",
                column: "LetEmployersFindMe");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CandidateProfiles");
        }
    }
}
