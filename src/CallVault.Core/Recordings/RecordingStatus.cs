namespace CallVault.Core.Recordings;

public enum RecordingStatus
{
    /// <summary>The provider is still recording.</summary>
    Awaiting,
    Processing,

    /// <summary>The audio is safe in storage; later stages may still run.</summary>
    Stored,

    /// <summary>A stage gave up; an admin can retry.</summary>
    Failed,

    /// <summary>The provider made no audio.</summary>
    Absent,

    /// <summary>The audio was deleted (retention); the metadata row stays with who and when.</summary>
    Deleted,
}
