package org.rareearth.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every service's Deployment must be (issue 8, README "Operate it"): the agreed image, the
 * port the service serves, startup/liveness/readiness probes on its /q/health paths, CPU and memory
 * requests and a memory limit, the restricted security context (non-root uid 185, read-only root
 * with an emptyDir /tmp, no capabilities, no privilege escalation, seccomp RuntimeDefault), its own
 * ServiceAccount without a token, no service links, Prometheus annotations, and only environment
 * variables that are properties of the service, the credentials from a Secret.
 */
final class DeploymentRules {

    static final long IMAGE_UID = 185;
    static final String STARTED = "/q/health/started";
    static final String LIVE = "/q/health/live";
    static final String READY = "/q/health/ready";
    static final String METRICS = "/q/metrics";
    /** Quarkus's own variable: which profiles are active (the packaged jar's default is prod). */
    static final String PROFILE_VARIABLE = "QUARKUS_PROFILE";
    /**
     * A name that says it holds a credential: such a variable comes from a Secret key, never from a
     * value or a ConfigMap (the JWT public key location and the like are not credentials).
     */
    static final java.util.regex.Pattern CREDENTIAL = java.util.regex.Pattern.compile(
            "(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|JAAS|CREDENTIAL|PRIVATE[_.-]?KEY|API[_.-]?KEY).*");
    /** A value that looks like a credential whatever its name: a JAAS line or a password assignment. */
    static final java.util.regex.Pattern CREDENTIAL_VALUE = java.util.regex.Pattern.compile(
            "(?is).*(LoginModule|password\\s*=|-----BEGIN [A-Z ]*PRIVATE KEY).*");

    private DeploymentRules() {
    }

    static List<String> problems(Manifests manifests, Deployment deployment, ServiceConfiguration service, SystemImages images) {
        List<String> problems = new ArrayList<>();
        String where = "Deployment " + deployment.getMetadata().getName();
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        List<Container> containers = pod.getContainers();
        if (containers.size() != 1) {
            problems.add(where + ": has " + containers.size() + " containers, one is expected");
            return problems;
        }
        Container container = containers.get(0);
        if (!images.reference(service.service()).equals(container.getImage())) {
            problems.add(where + ": image " + container.getImage() + ", the build produces " + images.reference(service.service()));
        }
        List<ContainerPort> ports = Optional.ofNullable(container.getPorts()).orElse(List.of());
        if (ports.stream().noneMatch(p -> p.getContainerPort() == service.httpPort())) {
            problems.add(where + ": no containerPort " + service.httpPort() + " (quarkus.http.port of " + service.service() + ")");
        }
        probe(problems, where, "startupProbe", container.getStartupProbe(), STARTED, container, service);
        probe(problems, where, "livenessProbe", container.getLivenessProbe(), LIVE, container, service);
        probe(problems, where, "readinessProbe", container.getReadinessProbe(), READY, container, service);
        resources(problems, where, container);
        security(problems, where, pod, container);
        identity(problems, where, manifests, pod, service);
        scraping(problems, where, deployment, service);
        problems.addAll(environment(manifests, where, container, service));
        return problems;
    }

    private static void probe(List<String> problems, String where, String name, Probe probe, String path, Container container,
                              ServiceConfiguration service) {
        if (probe == null || probe.getHttpGet() == null) {
            problems.add(where + ": no " + name + " (HTTP GET " + path + ")");
            return;
        }
        if (!path.equals(probe.getHttpGet().getPath())) {
            problems.add(where + ": " + name + " asks " + probe.getHttpGet().getPath() + ", the service serves " + path);
        }
        Integer port = portNumber(probe.getHttpGet().getPort(), container);
        if (port == null || port != service.httpPort()) {
            problems.add(where + ": " + name + " on port " + probe.getHttpGet().getPort().getValue() + ", the service serves "
                    + service.httpPort());
        }
    }

    static Integer portNumber(IntOrString port, Container container) {
        if (port == null) {
            return null;
        }
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return Optional.ofNullable(container.getPorts()).orElse(List.of()).stream()
                .filter(p -> port.getStrVal().equals(p.getName())).map(ContainerPort::getContainerPort).findFirst().orElse(null);
    }

    private static void resources(List<String> problems, String where, Container container) {
        Map<String, Quantity> requests = container.getResources() == null ? null : container.getResources().getRequests();
        Map<String, Quantity> limits = container.getResources() == null ? null : container.getResources().getLimits();
        if (requests == null || !requests.containsKey("cpu") || !requests.containsKey("memory")) {
            problems.add(where + ": needs CPU and memory requests");
        }
        if (limits == null || !limits.containsKey("memory")) {
            problems.add(where + ": needs a memory limit (the JVM sizes its heap from it)");
        } else if (requests != null && requests.containsKey("memory")
                && Quantity.getAmountInBytes(limits.get("memory")).compareTo(Quantity.getAmountInBytes(requests.get("memory"))) < 0) {
            problems.add(where + ": memory limit " + limits.get("memory") + " is below the request " + requests.get("memory"));
        }
    }

    private static void security(List<String> problems, String where, PodSpec pod, Container container) {
        PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext()).orElse(new PodSecurityContext());
        SecurityContext context = Optional.ofNullable(container.getSecurityContext()).orElse(new SecurityContext());
        boolean nonRoot = Boolean.TRUE.equals(context.getRunAsNonRoot())
                || (context.getRunAsNonRoot() == null && Boolean.TRUE.equals(podContext.getRunAsNonRoot()));
        if (!nonRoot) {
            problems.add(where + ": runAsNonRoot must be true");
        }
        Long uid = context.getRunAsUser() != null ? context.getRunAsUser() : podContext.getRunAsUser();
        if (uid == null || uid != IMAGE_UID) {
            problems.add(where + ": runAsUser " + uid + ", the images' user is " + IMAGE_UID);
        }
        String seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile().getType()
                : podContext.getSeccompProfile() != null ? podContext.getSeccompProfile().getType() : null;
        if (!"RuntimeDefault".equals(seccomp)) {
            problems.add(where + ": seccompProfile " + seccomp + ", RuntimeDefault is required");
        }
        if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
            problems.add(where + ": allowPrivilegeEscalation must be false");
        }
        if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
            problems.add(where + ": readOnlyRootFilesystem must be true");
        }
        if (context.getPrivileged() != null && context.getPrivileged()) {
            problems.add(where + ": must not be privileged");
        }
        List<String> dropped = context.getCapabilities() == null ? List.of()
                : Optional.ofNullable(context.getCapabilities().getDrop()).orElse(List.of());
        if (!dropped.contains("ALL")) {
            problems.add(where + ": capabilities must drop ALL");
        }
        if (context.getCapabilities() != null && context.getCapabilities().getAdd() != null
                && !context.getCapabilities().getAdd().isEmpty()) {
            problems.add(where + ": adds capabilities " + context.getCapabilities().getAdd());
        }
        Optional<VolumeMount> tmp = Optional.ofNullable(container.getVolumeMounts()).orElse(List.of()).stream()
                .filter(m -> m.getMountPath().equals("/tmp")).findFirst();
        Optional<Volume> tmpVolume = tmp.flatMap(m -> Optional.ofNullable(pod.getVolumes()).orElse(List.of()).stream()
                .filter(v -> v.getName().equals(m.getName())).findFirst());
        if (tmpVolume.isEmpty() || tmpVolume.get().getEmptyDir() == null) {
            problems.add(where + ": /tmp must be an emptyDir (the root filesystem is read-only)");
        }
    }

    private static void identity(List<String> problems, String where, Manifests manifests, PodSpec pod, ServiceConfiguration service) {
        if (!service.service().equals(pod.getServiceAccountName())) {
            problems.add(where + ": serviceAccountName " + pod.getServiceAccountName() + ", its own (" + service.service()
                    + ") is expected");
        } else {
            ServiceAccount account = manifests.typed(ManifestKind.SERVICE_ACCOUNT, ServiceAccount.class).stream()
                    .filter(a -> a.getMetadata().getName().equals(service.service())).findFirst().orElse(null);
            if (account == null) {
                problems.add(where + ": ServiceAccount " + service.service() + " is not in the manifests");
            } else if (!Boolean.FALSE.equals(account.getAutomountServiceAccountToken())) {
                problems.add("ServiceAccount " + service.service() + ": automountServiceAccountToken must be false");
            }
        }
        if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
            problems.add(where + ": automountServiceAccountToken must be false (the service never calls the API)");
        }
        if (!Boolean.FALSE.equals(pod.getEnableServiceLinks())) {
            problems.add(where + ": enableServiceLinks must be false (service links add variables that are not properties)");
        }
    }

    private static void scraping(List<String> problems, String where, Deployment deployment, ServiceConfiguration service) {
        Map<String, String> annotations = Optional.ofNullable(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .orElse(Map.of());
        if (!"true".equals(annotations.get("prometheus.io/scrape"))
                || !String.valueOf(service.httpPort()).equals(annotations.get("prometheus.io/port"))
                || !METRICS.equals(annotations.get("prometheus.io/path"))) {
            problems.add(where + ": prometheus.io/scrape, /port and /path must say true, " + service.httpPort() + ", " + METRICS
                    + "; are " + annotations);
        }
    }

    /**
     * Every variable the container gets (its env, and the keys of the ConfigMaps of its envFrom) must
     * be a property the service reads; credentials only from a Secret key.
     */
    static List<String> environment(Manifests manifests, String where, Container container, ServiceConfiguration service) {
        List<String> problems = new ArrayList<>();
        for (EnvVar variable : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
            if (variable.getName().equals(PROFILE_VARIABLE)) {
                profiles(problems, where, variable, service);
            } else {
                checkVariable(problems, where, variable.getName(), service);
            }
            boolean secret = variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null;
            if (CREDENTIAL.matcher(variable.getName()).matches() && !secret) {
                problems.add(where + ": " + variable.getName() + " must come from a Secret (secretKeyRef), not a value");
            }
            if (variable.getValue() != null && CREDENTIAL_VALUE.matcher(variable.getValue()).matches()) {
                problems.add(where + ": the value of " + variable.getName() + " looks like a credential; it belongs in a Secret");
            }
        }
        for (EnvFromSource source : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
            if (source.getSecretRef() != null) {
                problems.add(where + ": envFrom a Secret hides which variables it sets; name each key (secretKeyRef)");
            }
            if (source.getConfigMapRef() == null) {
                continue;
            }
            String name = source.getConfigMapRef().getName();
            ConfigMap map = manifests.typed(ManifestKind.CONFIG_MAP, ConfigMap.class).stream()
                    .filter(m -> m.getMetadata().getName().equals(name)).findFirst().orElse(null);
            if (map == null) {
                problems.add(where + ": envFrom ConfigMap " + name + " is not in the manifests");
                continue;
            }
            for (String key : Optional.ofNullable(map.getData()).orElse(Map.of()).keySet()) {
                checkVariable(problems, where + " (ConfigMap " + name + ")", key, service);
            }
        }
        return problems;
    }

    /**
     * Every ConfigMap of the manifests (not only those a container reads): no key named like a
     * credential, no value that looks like one.
     */
    static List<String> configMaps(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (ConfigMap map : manifests.typed(ManifestKind.CONFIG_MAP, ConfigMap.class)) {
            Optional.ofNullable(map.getData()).orElse(Map.of()).forEach((key, value) -> {
                if (CREDENTIAL.matcher(key).matches()) {
                    problems.add("ConfigMap " + map.getMetadata().getName() + ": " + key + " belongs in a Secret");
                } else if (value != null && CREDENTIAL_VALUE.matcher(value).matches()) {
                    problems.add("ConfigMap " + map.getMetadata().getName() + ": the value of " + key
                            + " looks like a credential; it belongs in a Secret");
                }
            });
        }
        return problems;
    }

    /** QUARKUS_PROFILE names prod (the packaged jar's profile) and profiles the service configures. */
    private static void profiles(List<String> problems, String where, EnvVar variable, ServiceConfiguration service) {
        for (String profile : Optional.ofNullable(variable.getValue()).orElse("").split("\\s*,\\s*")) {
            if (!profile.equals("prod") && !service.profileNames().contains(profile)) {
                problems.add(where + ": " + PROFILE_VARIABLE + " names the profile " + profile + ", which "
                        + service.service() + "'s application.properties does not configure");
            }
        }
    }

    private static void checkVariable(List<String> problems, String where, String name, ServiceConfiguration service) {
        if (!service.reads(name)) {
            problems.add(where + ": " + name + " is not a property " + service.service() + " reads");
        }
    }

    static boolean sameLabels(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels != null
                && selector.entrySet().stream().allMatch(e -> Objects.equals(labels.get(e.getKey()), e.getValue()));
    }
}
