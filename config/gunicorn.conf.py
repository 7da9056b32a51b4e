# Gunicorn settings for Solidarity City. The access log names no client address, user agent,
# referrer or query string: %(U)s is the path alone, so search terms are never written down.
accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
forwarded_allow_ips = "127.0.0.1"
worker_tmp_dir = "/dev/shm"  # noqa: S108 - gunicorn heartbeat files, not data
