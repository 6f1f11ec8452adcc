using Portal.Domain.Training;

namespace Portal.Infrastructure.Training;

/// <param name="Progress">Null when the learner has never started the module.</param>
public sealed record CurrentProgress(ModuleProgress? Progress, bool StartedOver);
