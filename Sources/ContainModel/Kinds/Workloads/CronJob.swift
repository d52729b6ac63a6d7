/// `batch/v1.CronJob`: Jobs created on a schedule.
public struct CronJob: KubeObject {
    public static let resourceType = ResourceType(
        group: "batch", version: "v1", kind: "CronJob", plural: "cronjobs", shortNames: ["cj"], namespaced: true,
        categories: ["all"]
    )

    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: CronJobSpec
    public var status: CronJobStatus?

    public init(metadata: ObjectMeta = ObjectMeta(), spec: CronJobSpec, status: CronJobStatus? = nil) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// `batch/v1.ConcurrencyPolicy`: what happens when a run is due while another is active.
public enum ConcurrencyPolicy: String, StringEnum {
    /// Run concurrently (the default).
    case allow = "Allow"
    /// Skip the new run.
    case forbid = "Forbid"
    /// Replace the running Job.
    case replace = "Replace"
}

/// `batch/v1.CronJobSpec`.
public struct CronJobSpec: Codable, Sendable, Hashable {
    /// A cron expression, such as `*/5 * * * *`.
    public var schedule: String
    /// A tz database name; the controller manager's zone when unset.
    public var timeZone: String?
    /// How late a missed run may still start.
    public var startingDeadlineSeconds: Int64?
    public var concurrencyPolicy: ConcurrencyPolicy?
    public var suspend: Bool?
    public var jobTemplate: JobTemplateSpec
    /// Defaults to 3.
    public var successfulJobsHistoryLimit: Int32?
    /// Defaults to 1.
    public var failedJobsHistoryLimit: Int32?

    public init(
        schedule: String, timeZone: String? = nil, startingDeadlineSeconds: Int64? = nil,
        concurrencyPolicy: ConcurrencyPolicy? = nil, suspend: Bool? = nil, jobTemplate: JobTemplateSpec,
        successfulJobsHistoryLimit: Int32? = nil, failedJobsHistoryLimit: Int32? = nil
    ) {
        self.schedule = schedule
        self.timeZone = timeZone
        self.startingDeadlineSeconds = startingDeadlineSeconds
        self.concurrencyPolicy = concurrencyPolicy
        self.suspend = suspend
        self.jobTemplate = jobTemplate
        self.successfulJobsHistoryLimit = successfulJobsHistoryLimit
        self.failedJobsHistoryLimit = failedJobsHistoryLimit
    }
}

/// `batch/v1.CronJobStatus`.
public struct CronJobStatus: Codable, Sendable, Hashable {
    /// The Jobs currently running.
    public var active: [ObjectReference]?
    public var lastScheduleTime: Time?
    public var lastSuccessfulTime: Time?

    public init(active: [ObjectReference]? = nil, lastScheduleTime: Time? = nil, lastSuccessfulTime: Time? = nil) {
        self.active = active
        self.lastScheduleTime = lastScheduleTime
        self.lastSuccessfulTime = lastSuccessfulTime
    }
}

extension CronJob: PodTemplateCarrier {
    public static var podSpecPath: FieldPath { FieldPath("spec", "jobTemplate", "spec", "template", "spec") }

    /// `spec.jobTemplate.spec.template.metadata`.
    public var podTemplateMetadata: ObjectMeta? {
        get { spec.jobTemplate.spec.template.metadata }
        set { spec.jobTemplate.spec.template.metadata = newValue }
    }

    /// `spec.jobTemplate.spec.template.spec`.
    public var podSpec: PodSpec {
        get { spec.jobTemplate.spec.template.spec }
        set { spec.jobTemplate.spec.template.spec = newValue }
    }
}
