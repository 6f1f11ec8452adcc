using System.Security.Cryptography;
using System.Text;

namespace Portal.Infrastructure.Content;

/// <summary>
/// A delegated healthcare activity a worker may only do alone after a registered practitioner has
/// observed them and signed off every step, from content/competencies/.
/// </summary>
/// <param name="ReviewMonths">How long a sign-off lasts before the practitioner observes again.</param>
/// <param name="Modules">Training modules the worker holds before they can be observed.</param>
/// <param name="Checklist">The observed steps, in order.</param>
/// <param name="ChecklistVersion">A hash of the steps alone: sign-offs record it, and it changes only when a step does.</param>
/// <param name="Html">Guidance for the practitioner, sanitised.</param>
public sealed record Competency(
    string Slug,
    string Title,
    string Summary,
    int ReviewMonths,
    IReadOnlyList<string> Modules,
    IReadOnlyList<string> Checklist,
    string ChecklistVersion,
    string Html,
    string Version,
    string SourceFile)
{
    /// <summary>The line of 'modules' in <see cref="SourceFile"/>, for errors found once the modules are known.</summary>
    public int ModulesLine { get; init; }

    /// <summary>When the file's facts were last checked, and the sources they were checked against.</summary>
    public required Provenance Provenance { get; init; }

    public static string VersionOf(IEnumerable<string> checklist) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', checklist))))[..12];
}
