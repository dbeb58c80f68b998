import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'subject' })
export class SubjectEntity {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @PrimaryColumn('text')
  code!: string;

  @Column({ name: 'name_ru', type: 'text' })
  nameRu!: string;

  @Column('boolean')
  marked!: boolean;
}
