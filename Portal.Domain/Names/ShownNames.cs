using System.Text;

namespace Portal.Domain.Names;

/// <summary>
/// What a name that other people read may hold: a person's name (on certificates, in managers'
/// lists, in emails to admins) or an organisation's. Line breaks let a name forge extra lines in
/// an email or a list; bidirectional controls make a name display differently from what is stored
/// (so it can read as someone else's); a name of zero-width characters shows as nothing at all.
/// Joiners inside a name stay allowed: Persian and Indic names need them.
/// </summary>
public static class ShownNames
{
    /// <summary>Why the name cannot be shown as it is, or null when it can.</summary>
    /// <param name="whose">How the message starts: "Your name", "The organisation's name".</param>
    public static string? Problem(string? name, string whose)
    {
        if (string.IsNullOrEmpty(name))
            return null;
        var visible = false;
        foreach (var rune in name.EnumerateRunes())
        {
            if (IsLineBreak(rune))
                return $"{whose} must be on one line";
            if (IsDirectionControl(rune))
                return $"{whose} contains a hidden character that changes the direction of text. Type it again without copying and pasting";
            if (Rune.IsControl(rune))
                return $"{whose} contains a character that cannot be shown. Type it again without copying and pasting";
            visible |= Rune.IsLetterOrDigit(rune) && !IsBlankLetter(rune);
        }

        return visible ? null : $"{whose} must have letters or numbers in it";
    }

    /// <summary>Throws for a name <see cref="Problem"/> refuses: for factories, after the form has said why.</summary>
    public static void Guard(string? name, string parameterName)
    {
        if (Problem(name, "The name") is { } problem)
            throw new ArgumentException(problem + ".", parameterName);
    }

    private static bool IsLineBreak(Rune rune) => rune.Value is 0x0A or 0x0B or 0x0C or 0x0D or 0x85 or 0x2028 or 0x2029;

    // LRM, RLM, ALM, and the embedding, override and isolate controls.
    private static bool IsDirectionControl(Rune rune) =>
        rune.Value is 0x200E or 0x200F or 0x061C or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    // Hangul fillers count as letters but draw nothing.
    private static bool IsBlankLetter(Rune rune) => rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0;
}
