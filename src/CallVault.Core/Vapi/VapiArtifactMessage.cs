namespace CallVault.Core.Vapi;

/// <summary>One entry of <c>message.artifact.messages[]</c>: who spoke (an open string: <c>bot</c>, <c>user</c>, <c>system</c>, …) and what.</summary>
public sealed record VapiArtifactMessage(string? Role, string? Text, double? SecondsFromStart);
