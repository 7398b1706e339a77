--
-- PostgreSQL database dump
--

\restrict kuBXtVCyRyLioBechOENp0UIbZk5ARgVEokbX5AjBlv2OcmNxFVt8xkDRs2GQCk

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

-- Started on 2026-12-02 19:46:15 UTC

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- TOC entry 8 (class 2615 OID 16982)
-- Name: Sales; Type: SCHEMA; Schema: -; Owner: postgres
-- Data Pos: 0
--

CREATE SCHEMA "Sales";


ALTER SCHEMA "Sales" OWNER TO postgres;

--
-- TOC entry 10 (class 2615 OID 17069)
-- Name: Sales Dept; Type: SCHEMA; Schema: -; Owner: postgres
-- Data Pos: 0
--

CREATE SCHEMA "Sales Dept";


ALTER SCHEMA "Sales Dept" OWNER TO postgres;

--
-- TOC entry 11 (class 2615 OID 17070)
-- Name: ext; Type: SCHEMA; Schema: -; Owner: postgres
-- Data Pos: 0
--

CREATE SCHEMA ext;


ALTER SCHEMA ext OWNER TO postgres;

--
-- TOC entry 9 (class 2615 OID 16983)
-- Name: other; Type: SCHEMA; Schema: -; Owner: postgres
-- Data Pos: 0
--

CREATE SCHEMA other;


ALTER SCHEMA other OWNER TO postgres;

--
-- TOC entry 3 (class 3079 OID 17071)
-- Dependencies: 11
-- Name: hstore; Type: EXTENSION; Schema: -; Owner: -
-- Data Pos: 0
--

CREATE EXTENSION IF NOT EXISTS hstore WITH SCHEMA ext;


--
-- TOC entry 3676 (class 0 OID 0)
-- Dependencies: 3
-- Name: EXTENSION hstore; Type: COMMENT; Schema: -; Owner: 
-- Data Pos: 0
--

COMMENT ON EXTENSION hstore IS 'data type for storing sets of (key, value) pairs';


--
-- TOC entry 2 (class 3079 OID 16934)
-- Name: pgcrypto; Type: EXTENSION; Schema: -; Owner: -
-- Data Pos: 0
--

CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;


--
-- TOC entry 3677 (class 0 OID 0)
-- Dependencies: 2
-- Name: EXTENSION pgcrypto; Type: COMMENT; Schema: -; Owner: 
-- Data Pos: 0
--

COMMENT ON EXTENSION pgcrypto IS 'cryptographic functions';


--
-- TOC entry 1042 (class 1247 OID 17257)
-- Name: d2; Type: DOMAIN; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE DOMAIN public.d2 AS integer;


ALTER DOMAIN public.d2 OWNER TO postgres;

--
-- TOC entry 966 (class 1247 OID 16972)
-- Name: mood; Type: TYPE; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE TYPE public.mood AS ENUM (
    'sad',
    'ok',
    'happy'
);


ALTER TYPE public.mood OWNER TO postgres;

--
-- TOC entry 969 (class 1247 OID 16980)
-- Name: posint; Type: DOMAIN; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE DOMAIN public.posint AS integer
	CONSTRAINT posint_check CHECK ((VALUE > 0));


ALTER DOMAIN public.posint OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- TOC entry 236 (class 1259 OID 17200)
-- Dependencies: 3 3 11 3 11 3 11 11 3 11 3 11
-- Name: a; Type: TABLE; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE TABLE public.a (
    id integer NOT NULL,
    h ext.hstore
);


ALTER TABLE public.a OWNER TO postgres;

--
-- TOC entry 354 (class 1255 OID 17242)
-- Dependencies: 236
-- Name: cnt_a(); Type: FUNCTION; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE FUNCTION public.cnt_a() RETURNS bigint
    LANGUAGE sql
    BEGIN ATOMIC
 SELECT count(*) AS count
    FROM public.a;
END;


ALTER FUNCTION public.cnt_a() OWNER TO postgres;

--
-- TOC entry 282 (class 1255 OID 17054)
-- Name: touch(); Type: FUNCTION; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE FUNCTION public.touch() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RETURN NEW; END $$;


ALTER FUNCTION public.touch() OWNER TO postgres;

--
-- TOC entry 220 (class 1259 OID 16984)
-- Name: shared_seq; Type: SEQUENCE; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE SEQUENCE public.shared_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.shared_seq OWNER TO postgres;

--
-- TOC entry 225 (class 1259 OID 17011)
-- Dependencies: 220 8
-- Name: Order.Items; Type: TABLE; Schema: Sales; Owner: postgres
-- Data Pos: 0
--

CREATE TABLE "Sales"."Order.Items" (
    id bigint NOT NULL,
    "Child Id" integer,
    extra integer DEFAULT nextval('public.shared_seq'::regclass)
);


ALTER TABLE "Sales"."Order.Items" OWNER TO postgres;

--
-- TOC entry 242 (class 1259 OID 17236)
-- Dependencies: 10
-- Name: Line "Item"; Type: TABLE; Schema: Sales Dept; Owner: postgres
-- Data Pos: 0
--

CREATE TABLE "Sales Dept"."Line ""Item""" (
    id integer NOT NULL,
    m_id integer,
    g integer GENERATED ALWAYS AS ((id * 2)) STORED
);


ALTER TABLE "Sales Dept"."Line ""Item""" OWNER TO postgres;

--
-- TOC entry 243 (class 1259 OID 17243)
-- Dependencies: 236 236 10 3 3 11 3 11 3 11 11 3 11 3 11
-- Name: v; Type: VIEW; Schema: Sales Dept; Owner: postgres
-- Data Pos: 0
--

CREATE VIEW "Sales Dept".v AS
 SELECT a.id,
    a.h
   FROM public.a;


ALTER TABLE "Sales Dept".v OWNER TO postgres;

--
-- TOC entry 226 (class 1259 OID 17022)
-- Dependencies: 9
-- Name: t2; Type: TABLE; Schema: other; Owner: postgres
-- Data Pos: 0
--

CREATE TABLE other.t2 (
    id integer NOT NULL
);


ALTER TABLE other.t2 OWNER TO postgres;

--
-- TOC entry 232 (class 1259 OID 17059)
-- Name: MixedCase; Type: TABLE; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE TABLE public."MixedCase" (
    id integer
);


ALTER TABLE public."MixedCase" OWNER TO postgres;

--
-- TOC entry 235 (class 1259 OID 17199)
-- Dependencies: 236
-- Name: a_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE SEQUENCE public.a_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.a_id_seq OWNER TO postgres;

--
-- TOC entry 3679 (class 0 OID 0)
-- Dependencies: 235
-- Name: a_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER SEQUENCE public.a_id_seq OWNED BY public.a.id;


--
-- TOC entry 237 (class 1259 OID 17208)
-- Dependencies: 235
-- Name: b; Type: TABLE; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE TABLE public.b (
    id integer DEFAULT nextval('public.a_id_seq'::regclass) NOT NULL,
    a_id integer
);


ALTER TABLE public.b OWNER TO postgres;

--
-- TOC entry 224 (class 1259 OID 16996)
-- Name: child; Type: TABLE; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE TABLE public.child (
    id integer NOT NULL,
    parent_id integer,
    note text,
    CONSTRAINT child_note_check CHECK ((length(note) < 100))
);


ALTER TABLE public.child OWNER TO postgres;

--
-- TOC entry 3680 (class 0 OID 0)
-- Dependencies: 224
-- Name: CONSTRAINT child_note_check ON child; Type: COMMENT; Schema: public; Owner: postgres
-- Data Pos: 0
--

COMMENT ON CONSTRAINT child_note_check ON public.child IS 'check comment';


--
-- TOC entry 223 (class 1259 OID 16995)
-- Dependencies: 224
-- Name: child_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER TABLE public.child ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.child_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- TOC entry 222 (class 1259 OID 16986)
-- Dependencies: 220 969 966
-- Name: parent; Type: TABLE; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE TABLE public.parent (
    id integer NOT NULL,
    name text NOT NULL,
    feeling public.mood,
    qty public.posint,
    code integer DEFAULT nextval('public.shared_seq'::regclass)
);


ALTER TABLE public.parent OWNER TO postgres;

--
-- TOC entry 3681 (class 0 OID 0)
-- Dependencies: 222
-- Name: TABLE parent; Type: COMMENT; Schema: public; Owner: postgres
-- Data Pos: 0
--

COMMENT ON TABLE public.parent IS 'the parent';


--
-- TOC entry 3682 (class 0 OID 0)
-- Dependencies: 222
-- Name: COLUMN parent.name; Type: COMMENT; Schema: public; Owner: postgres
-- Data Pos: 0
--

COMMENT ON COLUMN public.parent.name IS 'a name';


--
-- TOC entry 230 (class 1259 OID 17046)
-- Dependencies: 966 222 222 222 222 222 966 969
-- Name: happy; Type: VIEW; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE VIEW public.happy AS
 SELECT parent.id,
    parent.name,
    parent.feeling,
    parent.qty,
    parent.code
   FROM public.parent
  WHERE (parent.feeling = 'happy'::public.mood);


ALTER TABLE public.happy OWNER TO postgres;

--
-- TOC entry 240 (class 1259 OID 17228)
-- Name: ip; Type: TABLE; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE TABLE public.ip (
    id integer,
    CONSTRAINT ip_chk CHECK ((id <> 13))
);


ALTER TABLE public.ip OWNER TO postgres;

--
-- TOC entry 241 (class 1259 OID 17232)
-- Dependencies: 240
-- Name: ic; Type: TABLE; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE TABLE public.ic (
    x integer
)
INHERITS (public.ip);


ALTER TABLE public.ic OWNER TO postgres;

--
-- TOC entry 233 (class 1259 OID 17062)
-- Name: inh_parent; Type: TABLE; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE TABLE public.inh_parent (
    id integer
);


ALTER TABLE public.inh_parent OWNER TO postgres;

--
-- TOC entry 234 (class 1259 OID 17065)
-- Dependencies: 233
-- Name: inh_child; Type: TABLE; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE TABLE public.inh_child (
    x integer
)
INHERITS (public.inh_parent);


ALTER TABLE public.inh_child OWNER TO postgres;

--
-- TOC entry 238 (class 1259 OID 17219)
-- Name: m; Type: TABLE; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE TABLE public.m (
    id integer,
    taken date NOT NULL,
    CONSTRAINT m_pos CHECK ((id > 0))
)
PARTITION BY RANGE (taken);


ALTER TABLE public.m OWNER TO postgres;

--
-- TOC entry 239 (class 1259 OID 17223)
-- Dependencies: 238
-- Name: m_1; Type: TABLE; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE TABLE public.m_1 (
    id integer,
    taken date NOT NULL,
    CONSTRAINT m_1_local CHECK ((id < 1000000)),
    CONSTRAINT m_pos CHECK ((id > 0))
);


ALTER TABLE public.m_1 OWNER TO postgres;

--
-- TOC entry 227 (class 1259 OID 17027)
-- Name: measurement; Type: TABLE; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE TABLE public.measurement (
    id integer NOT NULL,
    taken date NOT NULL
)
PARTITION BY RANGE (taken);


ALTER TABLE public.measurement OWNER TO postgres;

--
-- TOC entry 228 (class 1259 OID 17032)
-- Dependencies: 227
-- Name: measurement_2025; Type: TABLE; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE TABLE public.measurement_2025 (
    id integer NOT NULL,
    taken date NOT NULL
);


ALTER TABLE public.measurement_2025 OWNER TO postgres;

--
-- TOC entry 229 (class 1259 OID 17037)
-- Dependencies: 227
-- Name: measurement_2026; Type: TABLE; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE TABLE public.measurement_2026 (
    id integer NOT NULL,
    taken date NOT NULL
);


ALTER TABLE public.measurement_2026 OWNER TO postgres;

--
-- TOC entry 245 (class 1259 OID 17265)
-- Name: mref; Type: TABLE; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE TABLE public.mref (
    id integer,
    taken date
);


ALTER TABLE public.mref OWNER TO postgres;

--
-- TOC entry 221 (class 1259 OID 16985)
-- Dependencies: 222
-- Name: parent_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE SEQUENCE public.parent_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.parent_id_seq OWNER TO postgres;

--
-- TOC entry 3683 (class 0 OID 0)
-- Dependencies: 221
-- Name: parent_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER SEQUENCE public.parent_id_seq OWNED BY public.parent.id;


--
-- TOC entry 231 (class 1259 OID 17050)
-- Dependencies: 222
-- Name: pcount; Type: MATERIALIZED VIEW; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE MATERIALIZED VIEW public.pcount AS
 SELECT count(*) AS n
   FROM public.parent
  WITH NO DATA;


ALTER TABLE public.pcount OWNER TO postgres;

--
-- TOC entry 244 (class 1259 OID 17250)
-- Dependencies: 237
-- Name: rowt; Type: TABLE; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE TABLE public.rowt (
    r public.b
);


ALTER TABLE public.rowt OWNER TO postgres;

--
-- TOC entry 3438 (class 0 OID 0)
-- Dependencies: 239 238
-- Name: m_1; Type: TABLE ATTACH; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER TABLE ONLY public.m ATTACH PARTITION public.m_1 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');


--
-- TOC entry 3436 (class 0 OID 0)
-- Dependencies: 228 227
-- Name: measurement_2025; Type: TABLE ATTACH; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER TABLE ONLY public.measurement ATTACH PARTITION public.measurement_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');


--
-- TOC entry 3437 (class 0 OID 0)
-- Dependencies: 229 227
-- Name: measurement_2026; Type: TABLE ATTACH; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER TABLE ONLY public.measurement ATTACH PARTITION public.measurement_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');


--
-- TOC entry 3442 (class 2604 OID 17203)
-- Dependencies: 235 236 236
-- Name: a id; Type: DEFAULT; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER TABLE ONLY public.a ALTER COLUMN id SET DEFAULT nextval('public.a_id_seq'::regclass);


--
-- TOC entry 3439 (class 2604 OID 16989)
-- Dependencies: 222 221 222
-- Name: parent id; Type: DEFAULT; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER TABLE ONLY public.parent ALTER COLUMN id SET DEFAULT nextval('public.parent_id_seq'::regclass);


--
-- TOC entry 3460 (class 2606 OID 17016)
-- Dependencies: 225
-- Name: Order.Items Order.Items_pkey; Type: CONSTRAINT; Schema: Sales; Owner: postgres
-- Data Pos: 0
--

ALTER TABLE ONLY "Sales"."Order.Items"
    ADD CONSTRAINT "Order.Items_pkey" PRIMARY KEY (id);


--
-- TOC entry 3481 (class 2606 OID 17241)
-- Dependencies: 242
-- Name: Line "Item" Line "Item"_pkey; Type: CONSTRAINT; Schema: Sales Dept; Owner: postgres
-- Data Pos: 0
--

ALTER TABLE ONLY "Sales Dept"."Line ""Item"""
    ADD CONSTRAINT "Line ""Item""_pkey" PRIMARY KEY (id);


--
-- TOC entry 3462 (class 2606 OID 17026)
-- Dependencies: 226
-- Name: t2 t2_pkey; Type: CONSTRAINT; Schema: other; Owner: postgres
-- Data Pos: 0
--

ALTER TABLE ONLY other.t2
    ADD CONSTRAINT t2_pkey PRIMARY KEY (id);


--
-- TOC entry 3473 (class 2606 OID 17207)
-- Dependencies: 236
-- Name: a a_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER TABLE ONLY public.a
    ADD CONSTRAINT a_pkey PRIMARY KEY (id);


--
-- TOC entry 3446 (class 2606 OID 17255)
-- Dependencies: 237 237
-- Name: b b_chk; Type: CHECK CONSTRAINT; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER TABLE public.b
    ADD CONSTRAINT b_chk CHECK ((a_id > 0)) NOT VALID;


--
-- TOC entry 3475 (class 2606 OID 17213)
-- Dependencies: 237
-- Name: b b_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER TABLE ONLY public.b
    ADD CONSTRAINT b_pkey PRIMARY KEY (id);


--
-- TOC entry 3456 (class 2606 OID 17005)
-- Dependencies: 224
-- Name: child child_note_key; Type: CONSTRAINT; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER TABLE ONLY public.child
    ADD CONSTRAINT child_note_key UNIQUE (note);


--
-- TOC entry 3458 (class 2606 OID 17003)
-- Dependencies: 224
-- Name: child child_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER TABLE ONLY public.child
    ADD CONSTRAINT child_pkey PRIMARY KEY (id);


--
-- TOC entry 1043 (class 2606 OID 17258)
-- Dependencies: 1042
-- Name: d2 d2_chk; Type: CHECK CONSTRAINT; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER DOMAIN public.d2
    ADD CONSTRAINT d2_chk CHECK ((VALUE > 0)) NOT VALID;


--
-- TOC entry 3477 (class 2606 OID 17262)
-- Dependencies: 238 238
-- Name: m m_uq; Type: CONSTRAINT; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER TABLE ONLY public.m
    ADD CONSTRAINT m_uq UNIQUE (id, taken);


--
-- TOC entry 3479 (class 2606 OID 17264)
-- Dependencies: 3477 239 239 239
-- Name: m_1 m_1_id_taken_key; Type: CONSTRAINT; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER TABLE ONLY public.m_1
    ADD CONSTRAINT m_1_id_taken_key UNIQUE (id, taken);


--
-- TOC entry 3464 (class 2606 OID 17031)
-- Dependencies: 227 227
-- Name: measurement measurement_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER TABLE ONLY public.measurement
    ADD CONSTRAINT measurement_pkey PRIMARY KEY (id, taken);


--
-- TOC entry 3467 (class 2606 OID 17036)
-- Dependencies: 3464 228 228 228
-- Name: measurement_2025 measurement_2025_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER TABLE ONLY public.measurement_2025
    ADD CONSTRAINT measurement_2025_pkey PRIMARY KEY (id, taken);


--
-- TOC entry 3470 (class 2606 OID 17041)
-- Dependencies: 3464 229 229 229
-- Name: measurement_2026 measurement_2026_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER TABLE ONLY public.measurement_2026
    ADD CONSTRAINT measurement_2026_pkey PRIMARY KEY (id, taken);


--
-- TOC entry 3454 (class 2606 OID 16994)
-- Dependencies: 222
-- Name: parent parent_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER TABLE ONLY public.parent
    ADD CONSTRAINT parent_pkey PRIMARY KEY (id);


--
-- TOC entry 3465 (class 1259 OID 17042)
-- Dependencies: 227
-- Name: measurement_taken_idx; Type: INDEX; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE INDEX measurement_taken_idx ON ONLY public.measurement USING btree (taken);


--
-- TOC entry 3468 (class 1259 OID 17043)
-- Dependencies: 228 3465 228
-- Name: measurement_2025_taken_idx; Type: INDEX; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE INDEX measurement_2025_taken_idx ON public.measurement_2025 USING btree (taken);


--
-- TOC entry 3471 (class 1259 OID 17044)
-- Dependencies: 3465 229 229
-- Name: measurement_2026_taken_idx; Type: INDEX; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE INDEX measurement_2026_taken_idx ON public.measurement_2026 USING btree (taken);


--
-- TOC entry 3452 (class 1259 OID 17045)
-- Dependencies: 222
-- Name: parent_name_idx; Type: INDEX; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE INDEX parent_name_idx ON public.parent USING btree (name);


--
-- TOC entry 3688 (class 0 OID 0)
-- Dependencies: 3452
-- Name: INDEX parent_name_idx; Type: COMMENT; Schema: public; Owner: postgres
-- Data Pos: 0
--

COMMENT ON INDEX public.parent_name_idx IS 'idx comment';


--
-- TOC entry 3486 (class 0 OID 0)
-- Dependencies: 3477 239 3479 3477 239 238
-- Name: m_1_id_taken_key; Type: INDEX ATTACH; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER INDEX public.m_uq ATTACH PARTITION public.m_1_id_taken_key;


--
-- TOC entry 3482 (class 0 OID 0)
-- Dependencies: 3467 3464 228 3464 228 227
-- Name: measurement_2025_pkey; Type: INDEX ATTACH; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER INDEX public.measurement_pkey ATTACH PARTITION public.measurement_2025_pkey;


--
-- TOC entry 3483 (class 0 OID 0)
-- Dependencies: 3468 3465 228 227
-- Name: measurement_2025_taken_idx; Type: INDEX ATTACH; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER INDEX public.measurement_taken_idx ATTACH PARTITION public.measurement_2025_taken_idx;


--
-- TOC entry 3484 (class 0 OID 0)
-- Dependencies: 3464 3470 229 3464 229 227
-- Name: measurement_2026_pkey; Type: INDEX ATTACH; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER INDEX public.measurement_pkey ATTACH PARTITION public.measurement_2026_pkey;


--
-- TOC entry 3485 (class 0 OID 0)
-- Dependencies: 3471 3465 229 227
-- Name: measurement_2026_taken_idx; Type: INDEX ATTACH; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER INDEX public.measurement_taken_idx ATTACH PARTITION public.measurement_2026_taken_idx;


--
-- TOC entry 3487 (class 3381 OID 17247)
-- Dependencies: 236 236
-- Name: a_stats; Type: STATISTICS; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE STATISTICS public.a_stats (dependencies) ON id, h FROM public.a;


ALTER STATISTICS public.a_stats OWNER TO postgres;

--
-- TOC entry 3640 (class 2618 OID 17058)
-- Dependencies: 224 224 224 224
-- Name: child child_rule; Type: RULE; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE RULE child_rule AS
    ON DELETE TO public.child
   WHERE (old.id < 0) DO INSTEAD NOTHING;


--
-- TOC entry 3494 (class 2620 OID 17056)
-- Dependencies: 225 282
-- Name: Order.Items Order Trig; Type: TRIGGER; Schema: Sales; Owner: postgres
-- Data Pos: 0
--

CREATE TRIGGER "Order Trig" BEFORE UPDATE ON "Sales"."Order.Items" FOR EACH ROW EXECUTE FUNCTION public.touch();


--
-- TOC entry 3495 (class 2620 OID 17259)
-- Dependencies: 282 238
-- Name: m m_trg; Type: TRIGGER; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE TRIGGER m_trg BEFORE INSERT ON public.m FOR EACH ROW EXECUTE FUNCTION public.touch();


--
-- TOC entry 3493 (class 2620 OID 17055)
-- Dependencies: 222 282
-- Name: parent parent_touch; Type: TRIGGER; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE TRIGGER parent_touch BEFORE UPDATE ON public.parent FOR EACH ROW EXECUTE FUNCTION public.touch();


--
-- TOC entry 3689 (class 0 OID 0)
-- Dependencies: 3493
-- Name: TRIGGER parent_touch ON parent; Type: COMMENT; Schema: public; Owner: postgres
-- Data Pos: 0
--

COMMENT ON TRIGGER parent_touch ON public.parent IS 'trig comment';


--
-- TOC entry 3489 (class 2606 OID 17017)
-- Dependencies: 224 3458 225
-- Name: Order.Items Order.Items_Child Id_fkey; Type: FK CONSTRAINT; Schema: Sales; Owner: postgres
-- Data Pos: 0
--

ALTER TABLE ONLY "Sales"."Order.Items"
    ADD CONSTRAINT "Order.Items_Child Id_fkey" FOREIGN KEY ("Child Id") REFERENCES public.child(id);


--
-- TOC entry 3490 (class 2606 OID 17214)
-- Dependencies: 3473 237 236
-- Name: b b_a_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER TABLE ONLY public.b
    ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES public.a(id);


--
-- TOC entry 3488 (class 2606 OID 17006)
-- Dependencies: 224 3454 222
-- Name: child child_parent_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER TABLE ONLY public.child
    ADD CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.parent(id);


--
-- TOC entry 3491 (class 2606 OID 17276)
-- Dependencies: 3454 222 238
-- Name: m m_fk; Type: FK CONSTRAINT; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER TABLE public.m
    ADD CONSTRAINT m_fk FOREIGN KEY (id) REFERENCES public.parent(id);


--
-- TOC entry 3492 (class 2606 OID 17268)
-- Dependencies: 3486 245 238 245 3477 238
-- Name: mref mref_id_taken_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER TABLE ONLY public.mref
    ADD CONSTRAINT mref_id_taken_fkey FOREIGN KEY (id, taken) REFERENCES public.m(id, taken);


--
-- TOC entry 3642 (class 0 OID 16986)
-- Dependencies: 222
-- Name: parent; Type: ROW SECURITY; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER TABLE public.parent ENABLE ROW LEVEL SECURITY;

--
-- TOC entry 3643 (class 3256 OID 17057)
-- Dependencies: 222
-- Name: parent parent_all; Type: POLICY; Schema: public; Owner: postgres
-- Data Pos: 0
--

CREATE POLICY parent_all ON public.parent USING (true);


--
-- TOC entry 3644 (class 6104 OID 17248)
-- Name: pub; Type: PUBLICATION; Schema: -; Owner: postgres
-- Data Pos: 0
--

CREATE PUBLICATION pub WITH (publish = 'insert, update, delete, truncate');


ALTER PUBLICATION pub OWNER TO postgres;

--
-- TOC entry 3645 (class 6106 OID 17249)
-- Dependencies: 236 3644
-- Name: pub a; Type: PUBLICATION TABLE; Schema: public; Owner: postgres
-- Data Pos: 0
--

ALTER PUBLICATION pub ADD TABLE ONLY public.a;


--
-- TOC entry 3678 (class 0 OID 0)
-- Dependencies: 236
-- Name: TABLE a; Type: ACL; Schema: public; Owner: postgres
-- Data Pos: 0
--

GRANT SELECT ON TABLE public.a TO PUBLIC;


--
-- TOC entry 3655 (class 0 OID 17050)
-- Dependencies: 231 3671
-- Name: pcount; Type: MATERIALIZED VIEW DATA; Schema: public; Owner: postgres
-- Data Pos: 0
--

REFRESH MATERIALIZED VIEW public.pcount;


-- Completed on 2026-12-02 19:46:16 UTC

--
-- PostgreSQL database dump complete
--

\unrestrict kuBXtVCyRyLioBechOENp0UIbZk5ARgVEokbX5AjBlv2OcmNxFVt8xkDRs2GQCk

