FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY register ./register
COPY api ./api
RUN pip install --no-cache-dir '.[server]'
ENV ROPA_DATABASE_URL=sqlite:////data/ropa.db
EXPOSE 8000
CMD ["gunicorn", "--workers", "4", "--bind", "0.0.0.0:8000", "--access-logfile", "-", "api.wsgi:app"]
