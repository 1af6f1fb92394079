"""Gunicorn's settings for the production start (bin/start). Everything can be set from the
environment: HOST and PORT (where to listen), WEB_CONCURRENCY (workers), GUNICORN_THREADS,
GUNICORN_TIMEOUT. Logs go to stdout/stderr for the container or service manager; the access log
masks every secret of a URL (kern.logboek.GunicornLogger)."""

import multiprocessing
import os

bind = f"{os.getenv('HOST', '127.0.0.1')}:{os.getenv('PORT', '8000')}"

# Workers from the CPU count (gunicorn's rule of thumb 2 x cores + 1, at most 12: each holds
# the content snapshot and a database connection), each with a few threads: most requests wait
# on the database, Redis or a phone's slow network.
workers = int(os.getenv("WEB_CONCURRENCY") or min(2 * multiprocessing.cpu_count() + 1, 12))
worker_class = "gthread"
threads = int(os.getenv("GUNICORN_THREADS", "4"))

# A PDF (WeasyPrint) takes a few seconds at most; a worker stuck for longer is restarted.
timeout = int(os.getenv("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# Longer than a load balancer's idle timeout is not needed; shorter would drop kept-alive ones.
keepalive = 5
# Renew workers now and then (memory), not all at once.
max_requests = 2000
max_requests_jitter = 200
# The workers' heartbeat files in memory, not on a container's (possibly slow) overlay disk.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"

accesslog = "-"
errorlog = "-"
loglevel = os.getenv("GUNICORN_LOG_LEVEL", "info")
logger_class = "kern.logboek.GunicornLogger"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s"'

# No control socket (gunicorn >= 25.1): it defaults to one path per user, which several servers
# on one machine (CI's cluster leg) would take from each other; nothing here uses gunicornc.
control_socket_disable = True
