using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OneOpenCasePerPerson : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_NavigationCases_UserId_Open",
                table: "NavigationCases",
                column: "UserId",
                unique: true,
                filter: "\"Stage\" <> 'Closed'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_NavigationCases_UserId_Open",
                table: "NavigationCases");
        }
    }
}
