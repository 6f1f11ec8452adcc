using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrainingPassport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BadgeSigningKeys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 22, nullable: false),
                    Modulus = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    Exponent = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RetiredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BadgeSigningKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PassportCredentials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AchievementId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AchievementName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameAtIssue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ValidFromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ValidUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IssuedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StatusList = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Jws = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RevokedReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PassportCredentials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PassportCredentials_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PassportShares",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Views = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PassportShares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PassportShares_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PassportShareItems",
                columns: table => new
                {
                    ShareId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CredentialId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PassportShareItems", x => new { x.ShareId, x.CredentialId });
                    table.ForeignKey(
                        name: "FK_PassportShareItems_PassportCredentials_CredentialId",
                        column: x => x.CredentialId,
                        principalTable: "PassportCredentials",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_PassportShareItems_PassportShares_ShareId",
                        column: x => x.ShareId,
                        principalTable: "PassportShares",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BadgeSigningKeys_CreatedAtUtc",
                table: "BadgeSigningKeys",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_PassportCredentials_OrganisationId",
                table: "PassportCredentials",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PassportCredentials_StatusList_StatusIndex",
                table: "PassportCredentials",
                columns: new[] { "StatusList", "StatusIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PassportCredentials_UserId_SourceKey",
                table: "PassportCredentials",
                columns: new[] { "UserId", "SourceKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PassportShareItems_CredentialId",
                table: "PassportShareItems",
                column: "CredentialId");

            migrationBuilder.CreateIndex(
                name: "IX_PassportShares_TokenHash",
                table: "PassportShares",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PassportShares_UserId",
                table: "PassportShares",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BadgeSigningKeys");

            migrationBuilder.DropTable(
                name: "PassportShareItems");

            migrationBuilder.DropTable(
                name: "PassportCredentials");

            migrationBuilder.DropTable(
                name: "PassportShares");
        }
    }
}
