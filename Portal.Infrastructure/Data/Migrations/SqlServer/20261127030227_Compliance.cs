using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Compliance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Practitioner",
                table: "Memberships",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Team",
                table: "Memberships",
                type: "nvarchar(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Practitioner",
                table: "Invitations",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Team",
                table: "Invitations",
                type: "nvarchar(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CompetencyRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    CompetencySlug = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ChecklistVersion = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    StepsObserved = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    RevokesId = table.Column<long>(type: "bigint", nullable: true),
                    RecordedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompetencyRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompetencyRecords_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CompetencyRecords_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JobRequirements",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    JobRole = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    Modules = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Competencies = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    ChangedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRequirements", x => new { x.OrganisationId, x.JobRole });
                    table.ForeignKey(
                        name: "FK_JobRequirements_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RefreshOverrides",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ModuleSlug = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    Months = table.Column<int>(type: "int", nullable: true),
                    ChangedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RefreshOverrides", x => new { x.OrganisationId, x.ModuleSlug });
                    table.ForeignKey(
                        name: "FK_RefreshOverrides_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CompetencyRecords_OrganisationId_UserId_CompetencySlug",
                table: "CompetencyRecords",
                columns: new[] { "OrganisationId", "UserId", "CompetencySlug" });

            migrationBuilder.CreateIndex(
                name: "IX_CompetencyRecords_RevokesId",
                table: "CompetencyRecords",
                column: "RevokesId",
                unique: true,
                filter: "[RevokesId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CompetencyRecords_UserId",
                table: "CompetencyRecords",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CompetencyRecords");

            migrationBuilder.DropTable(
                name: "JobRequirements");

            migrationBuilder.DropTable(
                name: "RefreshOverrides");

            migrationBuilder.DropColumn(
                name: "Practitioner",
                table: "Memberships");

            migrationBuilder.DropColumn(
                name: "Team",
                table: "Memberships");

            migrationBuilder.DropColumn(
                name: "Practitioner",
                table: "Invitations");

            migrationBuilder.DropColumn(
                name: "Team",
                table: "Invitations");
        }
    }
}
