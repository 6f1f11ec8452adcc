using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Data.Migrations.SqlServer
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
                    UserId = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Postcode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    District = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: true),
                    Latitude = table.Column<double>(type: "float", nullable: true),
                    Longitude = table.Column<double>(type: "float", nullable: true),
                    Days = table.Column<int>(type: "int", maxLength: 40, nullable: false),
                    Shifts = table.Column<int>(type: "int", maxLength: 40, nullable: false),
                    DrivingLicence = table.Column<bool>(type: "bit", nullable: false),
                    Languages = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    WantedRoles = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Qualifications = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Statement = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    DbsUpdateServiceDeclaredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RightToWorkDeclaredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReferencesDeclaredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LetEmployersFindMe = table.Column<bool>(type: "bit", nullable: false),
                    EmailMeMatches = table.Column<bool>(type: "bit", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
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
