"""Checks the deployment files that cannot run on the build machines (no Docker engine, no
Kubernetes cluster), for the tests in Tests/CredeauCLITests/Deployment.

Usage:
  check_deployment.py compose ROOT VARIABLES_JSON
  check_deployment.py k8s ROOT VARIABLES_JSON < output of 'credeau scale-advise --format k8s'

VARIABLES_JSON maps "insights" and "sms" to the environment variable names each service reads.
Prints one JSON object: {"checked": <number of objects checked>, "problems": [<message>, ...]}.
"""

import json
import pathlib
import re
import shlex
import sys

import yaml


def load_documents(path):
    return [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc is not None]


def env_file_names(path):
    names = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Z][A-Z0-9_]*)=", line)
        if match:
            names.add(match.group(1))
    return names


def check_compose(root, variables):
    problems = []
    compose = load_documents(root / "deploy/docker-compose.yml")[0]
    services = compose.get("services", {})
    env_names = env_file_names(root / "deploy/env.example")

    for name in ["postgres", "mongo", "migrate", "serve-sms", "serve-insights"]:
        if name not in services:
            problems.append(f"docker-compose.yml: service '{name}' is missing")
    if problems:
        return 0, problems

    if not str(services["postgres"].get("image", "")).startswith("postgres:16"):
        problems.append("docker-compose.yml: postgres must run a postgres:16 image")
    if not str(services["mongo"].get("image", "")).startswith("mongo:7"):
        problems.append("docker-compose.yml: mongo must run a mongo:7 image")

    expected_commands = {"migrate": "migrate", "serve-sms": "serve-sms", "serve-insights": "serve-insights"}
    images = set()
    for name, subcommand in expected_commands.items():
        service = services[name]
        images.add(service.get("image"))
        command = service.get("command") or []
        if not command or command[0] != subcommand:
            problems.append(f"docker-compose.yml: {name} must run 'credeau {subcommand}', found {command!r}")
        if service.get("env_file") != ".env":
            problems.append(f"docker-compose.yml: {name} must read env_file .env")
        if "build" not in service:
            problems.append(f"docker-compose.yml: {name} has no build section, so Compose would pull its image")
    if len(images) != 1:
        problems.append(f"docker-compose.yml: the credeau services use different images {sorted(map(str, images))}")

    if services["migrate"].get("restart") != "no":
        problems.append("docker-compose.yml: migrate is a one-shot job and needs restart: \"no\"")
    for name in ["serve-sms", "serve-insights"]:
        condition = services[name].get("depends_on", {}).get("migrate", {}).get("condition")
        if condition != "service_completed_successfully":
            problems.append(f"docker-compose.yml: {name} must wait for migrate to complete, found {condition!r}")

    sms_command = services["serve-sms"]["command"]
    insights_command = services["serve-insights"]["command"]
    if sms_command[-2:] != ["--port", "8082"]:
        problems.append(f"docker-compose.yml: serve-sms must listen on 8082, found {sms_command!r}")
    if insights_command[-2:] != ["--port", "8000"]:
        problems.append(f"docker-compose.yml: serve-insights must listen on 8000, found {insights_command!r}")
    if "8000:8000" not in services["serve-insights"].get("ports", []):
        problems.append("docker-compose.yml: serve-insights must publish port 8000")
    url = services["serve-insights"].get("environment", {}).get("SMS_EXTRACTOR_SERVICE_URL")
    if url != "http://serve-sms:8082":
        problems.append(f"docker-compose.yml: SMS_EXTRACTOR_SERVICE_URL must be http://serve-sms:8082, found {url!r}")

    for service_name, names in variables.items():
        for name in names:
            if name not in env_names:
                problems.append(f"env.example: {name} ({service_name} service) is missing")
    for text in re.findall(r"(?<!\$)\$\{([A-Z][A-Z0-9_]*)", (root / "deploy/docker-compose.yml").read_text(encoding="utf-8")):
        if text not in env_names:
            problems.append(f"docker-compose.yml: ${{{text}}} is not set in env.example")
    return len(services), problems


def is_subset(expected, actual, where, problems):
    """Records where `actual` lacks or changes a value of `expected`; lists must match item by item."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            problems.append(f"{where}: expected a mapping, found {actual!r}")
            return
        for key, value in expected.items():
            if key not in actual:
                problems.append(f"{where}.{key}: missing (scale-advise writes {value!r})")
            else:
                is_subset(value, actual[key], f"{where}.{key}", problems)
    elif isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            problems.append(f"{where}: scale-advise writes {expected!r}, deploy/k8s has {actual!r}")
            return
        for index, (left, right) in enumerate(zip(expected, actual)):
            is_subset(left, right, f"{where}[{index}]", problems)
    elif expected != actual:
        problems.append(f"{where}: scale-advise writes {expected!r}, deploy/k8s has {actual!r}")


def pod_spec(obj):
    spec = obj["spec"]
    if obj["kind"] == "CronJob":
        spec = spec["jobTemplate"]["spec"]
    return spec["template"]["spec"]


def check_k8s(root, variables, rendered_text):
    problems = []
    objects = {}
    for path in sorted((root / "deploy/k8s").glob("*.yaml")):
        for doc in load_documents(path):
            key = (doc["kind"], doc["metadata"]["name"])
            if key in objects:
                problems.append(f"{path.name}: {key[0]} {key[1]} is defined twice")
            objects[key] = doc

    # The objects scale-advise writes must appear with the same values; image tags may differ.
    rendered = [doc for doc in yaml.safe_load_all(rendered_text) if doc is not None]
    if len(rendered) != 6:
        problems.append(f"scale-advise wrote {len(rendered)} objects, expected 6")
    for doc in rendered:
        key = (doc["kind"], doc["metadata"]["name"])
        if key not in objects:
            problems.append(f"deploy/k8s lacks {key[0]} {key[1]} that scale-advise writes")
            continue
        if doc["kind"] == "Deployment":
            for container in doc["spec"]["template"]["spec"]["containers"]:
                container.pop("image", None)
        is_subset(doc, objects[key], f"{key[0]} {key[1]}", problems)

    workloads = [obj for obj in objects.values() if obj["kind"] in ("Deployment", "Job", "CronJob")]
    images = set()
    for obj in workloads:
        for container in pod_spec(obj)["containers"]:
            images.add(container.get("image"))
            requests = container.get("resources", {}).get("requests", {})
            if "cpu" not in requests or "memory" not in requests:
                problems.append(f"{obj['kind']} {obj['metadata']['name']}: no CPU and memory requests")
    if len(images) != 1:
        problems.append(f"deploy/k8s: workloads use different images {sorted(map(str, images))}")

    for name in ["credeau-insights-api", "credeau-sms-extraction-api"]:
        autoscaler = objects.get(("HorizontalPodAutoscaler", name))
        if autoscaler is None:
            continue
        cpu = [m["resource"]["target"]["averageUtilization"] for m in autoscaler["spec"]["metrics"]
               if m["resource"]["name"] == "cpu"]
        if cpu != [50]:
            problems.append(f"HorizontalPodAutoscaler {name}: CPU target must be 50 %, found {cpu!r}")

    migrate = objects.get(("Job", "credeau-migrate"))
    if migrate is None:
        problems.append("deploy/k8s lacks the Job credeau-migrate")
    elif pod_spec(migrate)["containers"][0].get("args") != ["migrate"]:
        problems.append("Job credeau-migrate must run 'credeau migrate'")

    problems += check_indexed_job(objects)
    problems += check_variables(objects, variables)
    return len(objects), problems


def check_indexed_job(objects):
    problems = []
    indexed = [obj for obj in objects.values() if obj["kind"] == "Job" and obj["spec"].get("completionMode") == "Indexed"]
    if len(indexed) != 1:
        return [f"deploy/k8s must hold one Indexed Job for 'credeau extract --shard', found {len(indexed)}"]
    job = indexed[0]
    container = pod_spec(job)["containers"][0]
    name = job["metadata"]["name"]
    completions = job["spec"].get("completions")
    # The Job runs `credeau extract` through /bin/sh, because --shard counts parts from 1 and
    # the shell adds one to the 0-based JOB_COMPLETION_INDEX.
    if container.get("command") != ["/bin/sh", "-c"] or len(container.get("args", [])) != 1:
        return [f"Job {name}: must run one shell command line with command ['/bin/sh', '-c']"]
    words = shlex.split(container["args"][0])
    if words[:3] != ["exec", "credeau", "extract"]:
        problems.append(f"Job {name}: must run 'exec credeau extract', found {words[:3]!r}")
    if "--shard" not in words or words.index("--shard") + 1 >= len(words):
        problems.append(f"Job {name}: no --shard option in {words!r}")
    else:
        shard = words[words.index("--shard") + 1]
        if shard != f"$((JOB_COMPLETION_INDEX + 1))/{completions}":
            problems.append(f"Job {name}: --shard {shard} does not match completions {completions}")
    if "--output" not in words or "${JOB_COMPLETION_INDEX}" not in words[words.index("--output") + 1]:
        problems.append(f"Job {name}: each index must write its own --output file")
    return problems


def check_variables(objects, variables):
    """Every variable a service reads comes from its ConfigMap, Secret or explicit env."""
    problems = []
    for name, service in [("credeau-insights-api", "insights"), ("credeau-sms-extraction-api", "sms")]:
        deployment = objects.get(("Deployment", name))
        if deployment is None:
            continue
        container = pod_spec(deployment)["containers"][0]
        provided = {entry["name"] for entry in container.get("env", [])}
        for source in container.get("envFrom", []):
            if "configMapRef" in source:
                config = objects.get(("ConfigMap", source["configMapRef"]["name"]))
                provided |= set((config or {}).get("data", {}))
            if "secretRef" in source:
                secret = objects.get(("Secret", source["secretRef"]["name"]))
                if secret is None:
                    problems.append(f"Deployment {name}: Secret {source['secretRef']['name']} has no example")
                    continue
                provided |= set(secret.get("stringData", {}))
        for variable in variables[service]:
            if variable not in provided:
                problems.append(f"Deployment {name}: {variable} is set by neither its ConfigMap, Secret nor env")
    return problems


def main():
    mode, root, variables = sys.argv[1], pathlib.Path(sys.argv[2]), json.loads(sys.argv[3])
    if mode == "compose":
        checked, problems = check_compose(root, variables)
    elif mode == "k8s":
        checked, problems = check_k8s(root, variables, sys.stdin.read())
    else:
        raise SystemExit(f"unknown mode {mode!r}; expected compose or k8s")
    json.dump({"checked": checked, "problems": problems}, sys.stdout)


if __name__ == "__main__":
    main()
