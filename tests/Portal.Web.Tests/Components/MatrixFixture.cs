using Portal.Domain.Compliance;

namespace Portal.Web.Tests.Components;

/// <summary>
/// A hand-made matrix with every kind of cell: each status, training that never runs out, topics a
/// job does not require, training recognised from another issuer, and names, teams, titles and an
/// issuer with characters that must be encoded.
/// </summary>
internal static class MatrixFixture
{
    private static readonly DateTime Now = new(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Topic Fire = new(TopicKind.Module, "fire-safety");
    private static readonly Topic Food = new(TopicKind.Module, "food-hygiene");
    private static readonly Topic Moving = new(TopicKind.Module, "moving-and-handling");
    private static readonly Topic Glucose = new(TopicKind.Competency, "blood-glucose-monitoring");

    public const string Caption = "Training matrix for Aire & Calder <Homecare>";

    public static string JobTitle(string slug) => slug switch
    {
        "care-worker" => "Care worker",
        "enhanced-care-worker" => "Enhanced care worker",
        _ => "Senior care worker & \"lead\"",
    };

    /// <summary>The staff page's link without the id, as the matrix page passes it.</summary>
    public const string StaffHref = "/manage/staff/";

    private static DateTime Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    /// <param name="copies">How many times the four people appear (a large staff list: each copy has its own membership ids).</param>
    public static MatrixView View(int copies = 1)
    {
        var people = Enumerable.Range(0, copies).SelectMany(copy => new[]
        {
            new MatrixPerson(11 + 4 * copy, "ann", "Ann Ahmed", "care-worker", "Harehills North"),
            new MatrixPerson(12 + 4 * copy, "bo", "Bo Brown", "enhanced-care-worker", null),
            new MatrixPerson(13 + 4 * copy, "cat", "Cat O'Connor & <Sons>", "senior-care-worker", "Chapeltown & Roundhay"),
            new MatrixPerson(14 + 4 * copy, "dev", "Dev Patel", "enhanced-care-worker", "Headingley"),
        });
        var required = new Dictionary<string, IReadOnlyList<Topic>>
        {
            ["care-worker"] = [Fire, Food],
            ["enhanced-care-worker"] = [Fire, Food, Moving, Glucose],
            ["senior-care-worker"] = [Moving],
        };
        var recognised = new[] { ("Leeds Teaching Hospitals <NHS> & \"Partners\"", Day(2026, 10, 1), (DateTime?)Day(2027, 10, 1)) };
        return ComplianceMatrix.Build(people, required,
            [(Fire, "Fire safety"), (Food, "Food hygiene & nutrition"), (Moving, "Moving and handling"), (Glucose, "Blood glucose monitoring (sign-off)")],
            (person, topic) => (person.UserId, topic.Slug) switch
            {
                ("ann", "fire-safety") => ComplianceRules.Cell(Day(2026, 3, 2), Now.AddDays(20), Now),
                ("ann", "food-hygiene") => ComplianceRules.Cell(Day(2026, 1, 15), Now.AddDays(45), Now),
                ("bo", "fire-safety") => ComplianceRules.Cell(Day(2025, 1, 5), Day(2026, 1, 5), Now),
                ("bo", "food-hygiene") => ComplianceRules.Cell(Day(2026, 2, 1), Now.AddDays(75), Now),
                ("bo", "moving-and-handling") => ComplianceMatrix.ModuleCell(null, 12, Now, recognised),
                ("cat", "moving-and-handling") => ComplianceRules.Cell(Day(2024, 6, 30), null, Now),
                ("dev", "fire-safety") => ComplianceRules.Cell(Day(2026, 11, 1), Day(2027, 11, 1), Now),
                ("dev", "blood-glucose-monitoring") => ComplianceRules.Cell(Day(2026, 3, 2), Day(2027, 3, 2), Now),
                _ => ComplianceRules.Cell(null, null, Now),
            }, new());
    }
}
