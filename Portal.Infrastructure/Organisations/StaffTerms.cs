namespace Portal.Infrastructure.Organisations;

/// <summary>What a member of staff joins as: the career role slug of their job, their team, whether they are a practitioner, and who said so, and whether the job is an apprenticeship.</summary>
public sealed record StaffTerms(string JobRole, string? Team = null, bool Practitioner = false, string? GrantedBy = null, bool Apprentice = false);
