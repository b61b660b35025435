"""gunicorn's settings for Resultaatwijzer, one place for `make serve`, the benchmarks and the tests:

    gunicorn -c deploy/gunicorn.conf.py 'server:create_app()' --bind 127.0.0.1:8000 --workers 2

Sync workers hold one request each: put nginx (deploy/nginx.conf.template) in front, which
buffers whole requests before they reach a worker. Without it, a few slow clients stall them all.
"""
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WORKERS", "2"))
worker_class = "sync"
timeout = 30
graceful_timeout = 10
# No access log: the service stores nothing about its users (see docs/over/veiligheid).
accesslog = None
errorlog = "-"
# nginx caps lower (see deploy/nginx.conf.template), so its own answers, with the security
# headers, are what a client sees; these are the last line for direct connections.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# gunicorn would trust X-Forwarded-Proto from loopback clients. The app decides instead:
# ProxyFix only when RESULTAATWIJZER_PROXY_HOPS says a proxy is in front (server.py).
forwarded_allow_ips = ""
# gunicorn 23+ opens a control socket in $HOME shared by every instance; the service needs none.
control_socket_disable = True
