using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PassportRecognition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Recognitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CredentialId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    IssuerUrl = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    IssuerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AchievementId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    AchievementName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ModuleSlug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ValidFromUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ValidUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StatusListUrl = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    StatusIndex = table.Column<int>(type: "integer", nullable: true),
                    RecognisedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RecognisedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastCheckedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedFoundAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuerUrl = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    KeysUrl = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RemovedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RemovedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrustedIssuers", x => x.Id);
                });

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
                name: "Recognitions");

            migrationBuilder.DropTable(
                name: "TrustedIssuers");
        }
    }
}
